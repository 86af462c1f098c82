// `npm run export -- --out DIR`: writes every table the app shows as one CSV each, with readable
// columns (school CDS code and name, measure, school year like 2023-24, student group, value, n).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { exportAll } from '../src/lib/server/exports/index.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
	console.error('usage: npm run export -- --out DIR');
	process.exit(2);
}
const db = openDatabase(resolve(process.env.DATABASE_PATH || 'data/throughline.db'));
for (const { file, rows } of exportAll(db, resolve(values.out)))
	console.log(`${file}: ${rows} rows`);
db.$client.close();
