// `npm run demo`: create and seed the demo district if its database is absent, then serve the
// production build. DATABASE_PATH overrides data/demo.db; PORT, HOST and ORIGIN are honoured.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from './serve.ts';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { seedDemo } from '../src/lib/server/demo/index.ts';
import { linkDemoBoardAccount } from '../src/lib/server/demo/board-record.ts';
import { seedDemoUsers } from '../src/lib/server/auth/index.ts';

// Imports take files up to 50 MB (streamed to disk); adapter-node's default body limit is 512 kB.
process.env.BODY_SIZE_LIMIT ||= '60M';
process.env.DATABASE_PATH ||= 'data/demo.db';
process.env.THROUGHLINE_TODAY ||= '2025-06-15';
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

const path = resolve(process.env.DATABASE_PATH);
if (!existsSync(path)) {
	const started = Date.now();
	const db = openDatabase(path);
	await seedDemo(db);
	// admin@, superintendent@, staff@ and board@example.org, password `throughline-demo`.
	await seedDemoUsers(db);
	linkDemoBoardAccount(db);
	db.$client.close();
	console.log(`Seeded the demo district into ${path} in ${Date.now() - started} ms`);
}

console.log(`Throughline demo: ${process.env.ORIGIN}`);
await serve();
