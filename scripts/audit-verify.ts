// `npm run audit:verify`: checks the audit trail's hash chain in the database at DATABASE_PATH and
// names the first entry that was edited, removed or inserted outside Throughline. Exit code 1 if
// the chain is broken.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { describeChainBreak, verifyAuditChain } from '../src/lib/server/db/audit-chain.ts';

const path = resolve(process.env.DATABASE_PATH || 'data/throughline.db');
if (!existsSync(path)) {
	console.error(`No database at ${path}. Set DATABASE_PATH.`);
	process.exit(2);
}
const db = openDatabase(path);
const report = verifyAuditChain(db.$client);
db.$client.close();
if (report.ok) {
	console.log(
		`Audit trail intact: ${report.rows} entries, newest hash ${report.head ?? '(none)'}.`
	);
} else {
	console.error(
		`Audit trail broken after ${report.rows - 1} intact entries. ${describeChainBreak(report.firstBroken!)}`
	);
	process.exit(1);
}
