// E-mail notices end to end: a demo district's server of its own, pointed at a real SMTP server the
// test starts (helpers/mail.ts), whose worker runs every second. What arrives is read as a mail
// program would read it; the server is killed and the mail server stopped to see nothing lost or
// doubled.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TestMailServer } from './helpers/mail.ts';
import { expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const basePort = Number(process.env.E2E_PORT ?? 4173);
const smtpPort = basePort + 31;
const port = basePort + 32;
const base = `http://localhost:${port}`;
const password = 'throughline-demo';

const dir = mkdtempSync(join(tmpdir(), 'throughline-notices-'));
const databasePath = join(dir, 'district.db');
const mail = new TestMailServer(smtpPort);
let server: ChildProcess | null = null;

/** The demo district's server on its own database, sending through `smtpUrl`. */
async function startServer(smtpUrl = `smtp://127.0.0.1:${smtpPort}`): Promise<void> {
	const child = spawn(process.execPath, ['scripts/demo.ts'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			THROUGHLINE_TODAY: '2025-06-15',
			SMTP_URL: smtpUrl,
			MAIL_FROM: 'Throughline <throughline@example.org>',
			THROUGHLINE_NOTICE_SECONDS: '1',
			THROUGHLINE_NOTICE_RETRY_SECONDS: '2'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`The server did not start:\n${out}`)), 120_000);
		const read = (chunk: Buffer) => {
			out += chunk.toString();
			if (/Listening|listening/.test(out)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.once('exit', (code) => reject(new Error(`The server exited (${code}):\n${out}`)));
	});
	server = child;
}

function killServer(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
	const child = server;
	server = null;
	if (!child || child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill(signal);
	});
}

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(databasePath, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** A client signed in through the sign-in form of our server. */
async function signedIn(email: string, secret = password): Promise<APIRequestContext> {
	const client = await request.newContext({
		baseURL: base,
		extraHTTPHeaders: { origin: base },
		maxRedirects: 0
	});
	const r = await client.post('/login', {
		form: { email, password: secret, redirectTo: '/account' },
		headers: { accept: 'text/html' }
	});
	expect(r.status(), `sign-in of ${email}`).toBe(303);
	return client;
}

async function post(client: APIRequestContext, url: string, form: Record<string, string>) {
	const r = await client.post(url, { form, headers: { accept: 'text/html' } });
	expect([200, 303], `${url}: ${r.status()}`).toContain(r.status());
	return r;
}

let meetingId = 0;
let priorityId = 0;
const tag = `N${Date.now()}`;
const secondBoard = `e2e-board-${tag.toLowerCase()}@example.org`;

test.beforeAll(async () => {
	await mail.start();
	await startServer();
});

test.afterAll(async () => {
	await killServer();
	await mail.stop();
	rmSync(dir, { recursive: true, force: true });
});

test('sharing an update e-mails each board member once, and no one else', async () => {
	const admin = await signedIn('admin@example.org');
	await post(admin, '/admin/users?/create', {
		name: 'Second Trustee',
		email: secondBoard,
		role: 'board',
		password: 'a-long-trustee-password'
	});
	await admin.dispose();

	const staff = await signedIn('staff@example.org');
	const created = await post(staff, '/manage/meetings?/create', {
		heldOn: '2025-06-30',
		kind: 'special',
		title: `${tag} notices meeting`,
		location: ''
	});
	meetingId = Number(created.headers()['location'].split('/').pop());
	priorityId = query<{ id: number }>(
		`select id from priority where status = 'active' order by sort_order, id limit 1`
	)[0].id;
	const updateUrl = `/manage/meetings/${meetingId}/updates/${priorityId}`;
	await post(staff, `${updateUrl}?/save`, {
		status: 'watch',
		summary: `${tag} draft summary only staff and board read`,
		learned: 'learned'
	});
	await post(staff, `${updateUrl}?/share`, {});
	await staff.dispose();

	const shared = (to: string) =>
		mail.to(to).filter((m) => m.subject.startsWith('Progress update shared with the board'));
	await expect.poll(() => shared('board@example.org').length, { timeout: 60_000 }).toBe(1);
	await expect.poll(() => shared(secondBoard).length, { timeout: 60_000 }).toBe(1);
	const m = shared('board@example.org')[0];
	expect(m.text).toContain(`${base}/board/meetings/${meetingId}`);
	// The title, never the draft's words.
	expect(m.text).not.toContain(`${tag} draft summary`);
	expect(m.html).toContain('<a href=');
	expect(m.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
	for (const other of ['staff', 'superintendent', 'admin'])
		expect(shared(`${other}@example.org`), other).toEqual([]);
	// Audited: who was notified of what.
	expect(
		query<{ n: number }>(`select count(*) as n from audit_log where action = 'notify'`)[0].n
	).toBeGreaterThanOrEqual(2);
});

test('a board member who chooses Spanish gets Spanish, and unsubscribes from the link alone', async ({
	page
}) => {
	const board = await signedIn('board@example.org');
	await post(board, '/account?/notices', {
		language: 'es',
		'delivery.update-shared': 'immediate',
		'delivery.update-published': 'immediate',
		'delivery.question-answered': 'immediate',
		'delivery.packet-ready': 'immediate',
		'delivery.record-public': 'digest'
	});
	await board.dispose();

	const superintendent = await signedIn('superintendent@example.org');
	await post(superintendent, `/manage/meetings/${meetingId}/updates/${priorityId}?/publish`, {});
	await superintendent.dispose();

	const published = () =>
		mail
			.to('board@example.org')
			.filter((m) => m.subject.startsWith('Informe de progreso publicado'));
	await expect.poll(() => published().length, { timeout: 60_000 }).toBe(1);
	const m = published()[0];
	expect(m.text).toContain('Un informe de progreso ya es público.');
	// The other board member kept the default for publishing: the weekly digest, so nothing yet.
	expect(mail.to(secondBoard).filter((x) => /published/i.test(x.subject))).toEqual([]);

	// RFC 8058: the mail program POSTs to the header's address, with no cookie and no Origin.
	const header = m.header('List-Unsubscribe')!;
	const link = header.slice(1, -1);
	expect(link.startsWith(`${base}/notices/unsubscribe?t=`)).toBe(true);
	const anonymous = await request.newContext();
	const r = await anonymous.post(link, {
		data: 'List-Unsubscribe=One-Click',
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});
	expect(r.status()).toBe(200);
	// A forged token is refused.
	expect((await anonymous.get(`${link}x`)).status()).toBe(404);
	await anonymous.dispose();
	const choices = Object.fromEntries(
		query<{ kind: string; delivery: string }>(
			`select kind, delivery from notice_preference p join user u on u.id = p.user_id where u.email = 'board@example.org'`
		).map((p) => [p.kind, p.delivery])
	);
	expect(choices['update-published']).toBe('off');
	expect(choices['update-shared']).toBe('immediate');

	// The same link in a browser: a page that says what it stops, in the reader's language.
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Dejar de recibir avisos' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a mail server that is down, and a server killed before sending: each notice arrives once', async () => {
	await mail.stop();
	const before = mail.received.length;
	const staff = await signedIn('staff@example.org');
	const second = query<{ id: number }>(
		`select id from priority where status = 'active' and id <> ? order by sort_order, id limit 1`,
		priorityId
	)[0].id;
	const updateUrl = `/manage/meetings/${meetingId}/updates/${second}`;
	await post(staff, `${updateUrl}?/save`, {
		status: 'watch',
		summary: `${tag} second`,
		learned: 'l'
	});
	await post(staff, `${updateUrl}?/share`, {});
	await staff.dispose();
	// Queued with the change; the worker tries, the mail server does not answer.
	await expect
		.poll(
			() =>
				query<{ n: number }>(
					`select count(*) as n from notice where kind = 'update-shared' and attempts > 0 and status = 'pending' and last_error is not null`
				)[0].n,
			{ timeout: 60_000 }
		)
		.toBeGreaterThanOrEqual(2);
	const admin = await signedIn('admin@example.org');
	const page = await (await admin.get('/admin/notices')).text();
	expect(page).toContain('does not answer');
	await admin.dispose();

	// The server dies (kill -9) with notices still waiting; the mail server comes back; a new
	// server on the same database sends each one once.
	await killServer('SIGKILL');
	await mail.start();
	await startServer();
	const ids = query<{ id: number; email: string }>(
		`select n.id, u.email from notice n join user u on u.id = n.recipient_id where n.kind = 'update-shared' and n.subject like 'progress_update_version:%' and n.status <> 'sent'`
	);
	expect(ids.length).toBeGreaterThanOrEqual(2);
	await expect
		.poll(
			() =>
				query<{ n: number }>(
					`select count(*) as n from notice where id in (${ids.map((i) => i.id).join(',')}) and status = 'sent'`
				)[0].n,
			{ timeout: 90_000 }
		)
		.toBe(ids.length);
	const arrived = mail.received.slice(before);
	for (const { id, email } of ids) {
		const copies = arrived.filter((m) => m.messageId.includes(`notice-${id}@`));
		expect(
			copies.map((c) => c.to),
			`notice ${id}`
		).toEqual([email]);
	}
});

test('an address the mail server refuses for good is reported, not retried', async ({ page }) => {
	mail.refused.add(secondBoard);
	const staff = await signedIn('staff@example.org');
	const third = query<{ id: number }>(
		`select id from priority where status = 'active' order by sort_order desc, id desc limit 1`
	)[0].id;
	const updateUrl = `/manage/meetings/${meetingId}/updates/${third}`;
	await post(staff, `${updateUrl}?/save`, {
		status: 'watch',
		summary: `${tag} third`,
		learned: 'l'
	});
	await post(staff, `${updateUrl}?/share`, {});
	await staff.dispose();
	const failed = () =>
		query<{ attempts: number; last_error: string }>(
			`select attempts, last_error from notice n join user u on u.id = n.recipient_id where u.email = ? and n.status = 'failed'`,
			secondBoard
		);
	await expect.poll(() => failed().length, { timeout: 60_000 }).toBe(1);
	expect(failed()[0].attempts).toBe(1);
	expect(failed()[0].last_error).toContain('No such user');
	// The administrator reads why on Admin → Notices.
	const context = page.context();
	const admin = await signedIn('admin@example.org');
	await context.addCookies((await admin.storageState()).cookies);
	await admin.dispose();
	await page.goto(`${base}/admin/notices?status=failed`);
	await expect(page.getByRole('heading', { name: 'E-mail notices' })).toBeVisible();
	await expect(page.getByText(/No such user/)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(`${base}/account`);
	await expect(page.getByRole('heading', { name: 'E-mail notices' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a mail setting that does not connect is reported, and nothing else breaks', async () => {
	await killServer('SIGTERM');
	// Nothing listens on this port.
	await startServer(`smtp://127.0.0.1:${basePort + 33}`);
	const admin = await signedIn('admin@example.org');
	await expect
		.poll(
			async () => (await (await admin.get('/admin/notices')).text()).includes('does not answer'),
			{
				timeout: 60_000
			}
		)
		.toBe(true);
	await admin.dispose();
	const anonymous = await request.newContext({ baseURL: base });
	expect((await anonymous.get('/')).status()).toBe(200);
	await anonymous.dispose();
});
