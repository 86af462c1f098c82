// `npm run user:create -- --email x@district.org --role admin [--name "Pat Lee"]`
// Creates an account on DATABASE_PATH (default data/throughline.db). The password is read from
// standard input when it is piped (`echo '…' | npm run user:create -- …`), else asked for twice.
import { roles } from '../src/lib/choices.ts';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/lib/server/db/open.ts';
import { AccountError, createUser, isRole, passwordProblem } from '../src/lib/server/auth/index.ts';

const usage = `Usage: npm run user:create -- --email ADDRESS --role ${roles.join('|')} [--name "Full Name"]`;

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
		help: { type: 'boolean' }
	}
});
if (values.help || !values.email || !values.role) {
	console.error(usage);
	process.exit(values.help ? 0 : 2);
}
if (!isRole(values.role)) {
	console.error(`Unknown role "${values.role}". ${usage}`);
	process.exit(2);
}

async function readPiped(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) text += chunk;
	return text.split(/\r?\n/)[0];
}

/** Asks without echoing what is typed. */
function ask(question: string): Promise<string> {
	return new Promise((resolvePrompt) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
			if (s.startsWith(question)) write.call(rl, s);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolvePrompt(answer);
		});
	});
}

let password: string;
if (process.stdin.isTTY) {
	password = await ask('Password (at least 12 characters): ');
	const problem = passwordProblem(password);
	if (problem) {
		console.error(problem);
		process.exit(1);
	}
	if ((await ask('Password again: ')) !== password) {
		console.error('The two passwords differ.');
		process.exit(1);
	}
} else {
	password = await readPiped();
}

const path = process.env.DATABASE_PATH || 'data/throughline.db';
const db = openDatabase(path);
try {
	const account = await createUser(db, {
		email: values.email,
		name: values.name,
		role: values.role,
		password
	});
	console.log(`Created ${account.role} account ${account.email} (${account.name}) in ${path}.`);
} catch (e) {
	if (e instanceof AccountError) {
		console.error(e.message);
		process.exitCode = 1;
	} else throw e;
} finally {
	db.$client.close();
}
