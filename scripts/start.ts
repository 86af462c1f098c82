// `npm start`: serve the production build on DATABASE_PATH, without seeding anything.
// On an empty database it prints a one-time setup address (only here, on the console).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { districtExists, issueSetupToken } from '../src/lib/server/setup/index.ts';
import { serve } from './serve.ts';

// Imports take files up to 50 MB (streamed to disk); adapter-node's default body limit is 512 kB.
process.env.BODY_SIZE_LIMIT ||= '60M';
process.env.DATABASE_PATH ||= 'data/throughline.db';

// A fresh clone has no build yet: make it (about ten seconds) rather than fail on a missing module.
if (!existsSync('build/handler.js')) {
	console.log('No build yet (build/handler.js): building it with `npm run build`…');
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0 || !existsSync('build/handler.js')) {
		console.error(
			'The build failed. Run `npm run build`, read its errors, then `npm start` again.'
		);
		process.exit(1);
	}
}

const database = openDatabase(process.env.DATABASE_PATH);
const empty = !districtExists(database);
database.$client.close();

await serve();

if (empty) {
	const token = issueSetupToken();
	const port = process.env.PORT || '3000';
	const base = (
		process.env.ORIGIN ||
		`http://${[undefined, '', '0.0.0.0'].includes(process.env.HOST) ? 'localhost' : process.env.HOST}:${port}`
	).replace(/\/$/, '');
	console.log(
		`\nThis database (${process.env.DATABASE_PATH}) has no district yet. To set it up, open:\n\n` +
			`  ${base}/setup?token=${token}\n\n` +
			'The address works once, and only until this server stops (a restart prints a new one).\n'
	);
}
