// Builds a database with a large throughline (40 policies, 30 structures, 5 priorities, 20 measures)
// for looking at the map at size: `node scripts/throughline-large.ts reports/large.db`.
import { openDatabase } from '../src/lib/server/db/open.ts';
import { schoolYears, district } from '../src/lib/server/db/schema/district.ts';
import { seedLargeThroughline } from '../src/lib/server/throughline/fixture.ts';

const path = process.argv[2] ?? 'reports/throughline-large.db';
const db = openDatabase(path);
db.insert(district)
	.values({ id: 1, name: 'Large Throughline Unified', cdsCode: '99999980000000' })
	.run();
db.insert(schoolYears)
	.values([
		{ label: '2023-24', startYear: 2023 },
		{ label: '2024-25', startYear: 2024 }
	])
	.run();
console.log(seedLargeThroughline(db));
db.$client.close();
