import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/auth.ts';
import { notices } from '../db/schema/notices.ts';
import { monitoringCalendar } from '../db/schema/meetings.ts';
import { createMeeting } from '../meetings/meetings.ts';
import { publishUpdate, saveUpdate, shareUpdate, updateInput } from '../meetings/updates.ts';
import { answerQuestion, askQuestion } from '../meetings/questions.ts';
import { markHeld } from '../meetings/held.ts';
import { boardMember, seedMeetingsDistrict, staff, superintendent } from '../meetings/fixture.ts';
import { sendDueNotices, releaseClaims, type Sending } from './worker.ts';
import type { MailMessage, Mailer } from './mail.ts';
import { saveNoticeChoices, noticeChoicesOf } from './preferences.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe.ts';
import { unsubscribeFrom, unsubscribeTarget } from './one-click.ts';
import { queueDueReminders } from './reminders.ts';
import { retryFailed } from './admin.ts';

let db: DbFile;
let meeting: number;
const secret = 'test-secret';

/** A mail server that keeps what it is given, or refuses as told. */
class FakeMailer implements Mailer {
	sent: MailMessage[] = [];
	refuse: null | { responseCode?: number; message: string } = null;
	async send(m: MailMessage) {
		if (this.refuse) throw Object.assign(new Error(this.refuse.message), this.refuse);
		this.sent.push(m);
	}
	async verify() {}
}

let mailer: FakeMailer;
// Notices are queued at the real time; the worker is told the time `minutes` after the test began.
let start: number;
const at = (minutes: number): Sending => ({
	mailer,
	origin: 'https://throughline.example.org',
	secret,
	now: new Date(start + minutes * 60_000),
	retrySeconds: 60
});

const input = (summary: string) =>
	updateInput.parse({
		status: 'watch',
		summary,
		narrative: 'secret draft words',
		evidenceMeasureIds: []
	});

function addUser(id: string, role: string | null, extra: Partial<typeof users.$inferInsert> = {}) {
	const now = new Date();
	db.insert(users)
		.values({
			id,
			name: id,
			email: `${id}@example.org`,
			role,
			createdAt: now,
			updatedAt: now,
			...extra
		})
		.run();
}

const queued = () => db.select().from(notices).all();

beforeEach(() => {
	db = testDb();
	seedMeetingsDistrict(db);
	mailer = new FakeMailer();
	start = Date.now() + 1000;
	meeting = createMeeting(db, staff, {
		heldOn: '2025-03-01',
		kind: 'regular',
		title: '',
		location: null
	});
});
afterEach(() => db.$client.close());

describe('the outbox', () => {
	it('queues a shared update for each active board member, and no one else, in the change', async () => {
		addUser('board-2', 'board');
		addUser('board-gone', 'board', { banned: true });
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		expect(queued()).toEqual([]);
		shareUpdate(db, staff, updateId);
		const rows = queued();
		expect(rows.map((r) => [r.kind, r.recipientId]).sort()).toEqual([
			['update-shared', 'board-2'],
			['update-shared', 'u-board']
		]);
		// The title and a link, never the draft's words.
		expect(rows[0].title).toBe('Early literacy — 2025-03-01');
		expect(rows[0].path).toBe(`/board/meetings/${meeting}`);

		const report = await sendDueNotices(db, at(0));
		expect(report.sent).toBe(2);
		expect(mailer.sent.map((m) => m.to).sort()).toEqual([
			'board-2@example.org',
			'board@example.org'
		]);
		for (const m of mailer.sent) {
			expect(m.text).not.toContain('secret draft words');
			expect(m.html).not.toContain('secret draft words');
			expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
			expect(m.headers['List-Unsubscribe']).toMatch(
				/^<https:\/\/throughline\.example\.org\/notices\/unsubscribe\?t=[\w-]+\.[\w-]+>$/
			);
			expect(m.text).toContain(`https://throughline.example.org/board/meetings/${meeting}`);
		}
		// Audited: who was notified of what.
		const entries = db.select().from(auditLog).where(eq(auditLog.action, 'notify')).all();
		expect(entries).toHaveLength(2);
		// Sent once: the next round finds nothing.
		expect((await sendDueNotices(db, at(5))).sent).toBe(0);
		expect(mailer.sent).toHaveLength(2);
	});

	it('queues nothing when the change rolls back', () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		expect(() => shareUpdate(db, staff, updateId)).toThrow();
		expect(queued()).toHaveLength(1);
	});

	it('tells the one who asked when the answer comes, and staff when a question waits', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		const q = askQuestion(db, boardMember, updateId, 'Why?');
		expect(
			queued()
				.filter((r) => r.kind === 'question-waiting')
				.map((r) => r.recipientId)
				.sort()
		).toEqual(['u-staff', 'u-sup']);
		answerQuestion(db, superintendent, q, 'Because.');
		expect(
			queued()
				.filter((r) => r.kind === 'question-answered')
				.map((r) => r.recipientId)
		).toEqual(['u-board']);
	});

	it('says the packet is ready once every update due at the meeting is shared', () => {
		db.insert(monitoringCalendar)
			.values([
				{ priorityId: 1, meetingId: meeting },
				{ priorityId: 2, meetingId: meeting }
			])
			.run();
		const one = saveUpdate(db, staff, 1, meeting, input('one')).updateId;
		const two = saveUpdate(db, staff, 2, meeting, input('two')).updateId;
		shareUpdate(db, staff, one);
		expect(queued().filter((r) => r.kind === 'packet-ready')).toEqual([]);
		shareUpdate(db, staff, two);
		const packet = queued().filter((r) => r.kind === 'packet-ready');
		expect(packet.map((r) => r.recipientId)).toEqual(['u-board']);
		expect(packet[0].path).toBe(`/board/meetings/${meeting}/packet`);
	});

	it('tells the board when a meeting is held and its record public', () => {
		markHeld(db, superintendent, meeting, '2025-03-02');
		expect(queued().map((r) => [r.kind, r.path])).toEqual([
			['record-public', `/meetings/${meeting}`]
		]);
	});
});

describe('sending', () => {
	it('skips a person deactivated or moved to a role that may not receive it since', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		addUser('board-2', 'board');
		shareUpdate(db, staff, updateId);
		db.update(users).set({ banned: true }).where(eq(users.id, 'u-board')).run();
		db.update(users).set({ role: 'staff' }).where(eq(users.id, 'board-2')).run();
		const report = await sendDueNotices(db, at(0));
		expect(report).toMatchObject({ sent: 0, dropped: 2 });
		expect(mailer.sent).toEqual([]);
	});

	it('retries a mail server that is down, with back-off, then delivers once', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		mailer.refuse = { message: 'connect ECONNREFUSED 127.0.0.1:2525' };
		expect((await sendDueNotices(db, at(0))).retried).toBe(1);
		const row = queued()[0];
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.lastError).toContain('ECONNREFUSED');
		// The first retry waits a minute: not before.
		expect((await sendDueNotices(db, at(0.5))).retried).toBe(0);
		mailer.refuse = null;
		expect((await sendDueNotices(db, at(1))).sent).toBe(1);
		expect(mailer.sent).toHaveLength(1);
		expect(queued()[0].status).toBe('sent');
	});

	it('reports a permanent refusal and does not retry it', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		mailer.refuse = { responseCode: 550, message: '550 5.1.1 No such user' };
		expect((await sendDueNotices(db, at(0))).failed).toBe(1);
		expect(queued()[0]).toMatchObject({ status: 'failed', lastError: '550 5.1.1 No such user' });
		expect((await sendDueNotices(db, at(24 * 60))).failed).toBe(0);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'notify-failed')).all()
		).toHaveLength(1);
		// An administrator may send it again once the address is fixed.
		mailer.refuse = null;
		expect(retryFailed(db)).toBe(1);
		expect((await sendDueNotices(db, at(24 * 60))).sent).toBe(1);
	});

	it('gives up after the last retry', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		mailer.refuse = { responseCode: 421, message: '421 busy' };
		const outcomes: string[] = [];
		for (let i = 0; i < 7; i++) {
			// Each round past the longest wait (240 minutes).
			const r = await sendDueNotices(db, at(i * 241));
			outcomes.push(r.failed ? 'failed' : r.retried ? 'retried' : 'none');
		}
		// 1 + 5 waits (1, 5, 15, 60, 240 minutes), then it fails for good.
		expect(outcomes).toEqual([
			'retried',
			'retried',
			'retried',
			'retried',
			'retried',
			'failed',
			'none'
		]);
	});

	it('sends a notice left half-sent by a crash again, as the same message', async () => {
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		db.update(notices).set({ status: 'sending' }).run();
		expect(releaseClaims(db)).toBe(1);
		await sendDueNotices(db, at(0));
		expect(mailer.sent).toHaveLength(1);
		expect(mailer.sent[0].messageId).toBe(`<notice-${queued()[0].id}@throughline.example.org>`);
	});
});

describe('choices, digest and languages', () => {
	it('collects digest notices for a week into one e-mail in the reader’s language', async () => {
		saveNoticeChoices(db, boardMember, 'u-board', 'board', {
			language: 'es',
			deliveries: { 'update-shared': 'digest', 'update-published': 'digest' }
		});
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		await sendDueNotices(db, at(0));
		publishUpdate(db, superintendent, updateId);
		await sendDueNotices(db, at(2 * 24 * 60));
		expect(mailer.sent).toEqual([]);
		// A week after the first was held for it, one e-mail carries both.
		await sendDueNotices(db, at(7 * 24 * 60 + 1));
		expect(mailer.sent).toHaveLength(1);
		expect(mailer.sent[0].subject).toBe('Throughline: 2 avisos esta semana');
		expect(mailer.sent[0].text).toContain('Informe de progreso compartido con la junta');
		expect(mailer.sent[0].text).toContain('Informe de progreso publicado');
		expect(queued().every((r) => r.status === 'sent' && r.digest)).toBe(true);
	});

	it('sends nothing of a kind turned off', async () => {
		saveNoticeChoices(db, boardMember, 'u-board', 'board', {
			language: 'en',
			deliveries: { 'update-shared': 'off' }
		});
		const { updateId } = saveUpdate(db, staff, 1, meeting, input('first'));
		shareUpdate(db, staff, updateId);
		expect((await sendDueNotices(db, at(0))).dropped).toBe(1);
		expect(mailer.sent).toEqual([]);
	});

	it('offers each role only the kinds it may receive', () => {
		expect(noticeChoicesOf(db, 'u-board', 'board').map((c) => c.kind)).toEqual([
			'update-shared',
			'update-published',
			'question-answered',
			'packet-ready',
			'record-public'
		]);
		expect(noticeChoicesOf(db, 'u-staff', 'staff').map((c) => c.kind)).toEqual([
			'update-due',
			'question-waiting',
			'import-failed'
		]);
	});
});

describe('one-click unsubscribe', () => {
	it('turns off only the kind its signed link names, for its one person', () => {
		const token = unsubscribeToken(secret, 'u-board', 'update-shared');
		expect(readUnsubscribeToken(secret, token)).toEqual({
			userId: 'u-board',
			kind: 'update-shared'
		});
		expect(readUnsubscribeToken('another-secret', token)).toBeNull();
		// A token edited to name someone else or another kind no longer verifies.
		const [, sig] = token.split('.');
		const forged = `${Buffer.from('u-sup\nupdate-due').toString('base64url')}.${sig}`;
		expect(readUnsubscribeToken(secret, forged)).toBeNull();
		expect(unsubscribeTarget(db, secret, 'nonsense')).toBeNull();

		const target = unsubscribeTarget(db, secret, token)!;
		expect(unsubscribeFrom(db, target)).toEqual(['update-shared']);
		const after = Object.fromEntries(
			noticeChoicesOf(db, 'u-board', 'board').map((c) => [c.kind, c.delivery])
		);
		expect(after['update-shared']).toBe('off');
		expect(after['question-answered']).toBe('immediate');
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'unsubscribe')).all()).toHaveLength(
			1
		);
	});
});

describe('reminders', () => {
	it('queues an update due in 14 and in 3 days, and overdue, once each', () => {
		db.insert(monitoringCalendar).values({ priorityId: 1, meetingId: meeting }).run();
		// 2025-03-01 is 15 days after 2025-02-14: nothing yet.
		expect(queueDueReminders(db, '2025-02-14')).toBe(0);
		// Two people may answer (staff, superintendent): one row each.
		expect(queueDueReminders(db, '2025-02-15')).toBe(2);
		expect(queueDueReminders(db, '2025-02-16')).toBe(0);
		expect(queueDueReminders(db, '2025-02-26')).toBe(2);
		expect(queueDueReminders(db, '2025-03-02')).toBe(2);
		expect(queueDueReminders(db, '2025-03-03')).toBe(0);
		expect(new Set(queued().map((r) => r.subject))).toEqual(
			new Set([`due:${meeting}:1:14`, `due:${meeting}:1:3`, `due:${meeting}:1:overdue`])
		);
	});
});
