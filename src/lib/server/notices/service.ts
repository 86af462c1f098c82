// The notices' worker in the running server: started once (hooks.server.ts `init`) when SMTP_URL
// is set, it checks the mail server, then every THROUGHLINE_NOTICE_SECONDS (default 30) queues the
// reminders that are due and sends what is waiting.
import type { DbFile } from '../db/open.ts';
import { today } from '../clock.ts';
import { mailSettings, refusalReason, smtpMailer, type Mailer } from './mail.ts';
import { queueAuditChainCheck, queueDueReminders } from './reminders.ts';
import { releaseClaims, sendDueNotices } from './worker.ts';

export interface MailStatus {
	configured: boolean;
	/** The server's address without its password. */
	server: string | null;
	checkedAt: string | null;
	ok: boolean | null;
	error: string | null;
}

let status: MailStatus = {
	configured: false,
	server: null,
	checkedAt: null,
	ok: null,
	error: null
};

export function mailStatus(): MailStatus {
	return status;
}

function withoutPassword(url: string): string {
	try {
		const u = new URL(url);
		u.password = '';
		return u.toString();
	} catch {
		return '(an address that does not parse)';
	}
}

/** Connects to the mail server and notes the answer, for the admin page and the log. */
export async function checkMailServer(mailer: Mailer): Promise<MailStatus> {
	const checkedAt = new Date().toISOString();
	try {
		await mailer.verify();
		status = { ...status, checkedAt, ok: true, error: null };
	} catch (e) {
		status = { ...status, checkedAt, ok: false, error: refusalReason(e) };
		console.error(`Notices: the mail server does not answer (${status.server}): ${status.error}`);
	}
	return status;
}

let mailer: Mailer | null = null;

export function configuredMailer(): Mailer | null {
	return mailer;
}

export function startNotices(db: DbFile, secret: string, env = process.env): void {
	const settings = mailSettings(env);
	if (!settings || mailer) return;
	mailer = smtpMailer(settings);
	status = { ...status, configured: true, server: withoutPassword(settings.url) };
	releaseClaims(db);
	const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
	const seconds = Math.max(1, Number(env.THROUGHLINE_NOTICE_SECONDS ?? 30) || 30);
	const retrySeconds = Math.max(1, Number(env.THROUGHLINE_NOTICE_RETRY_SECONDS ?? 60) || 60);
	let running = false;
	let lastChainCheck = '';
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			const day = today();
			queueDueReminders(db, day);
			if (lastChainCheck !== day) {
				queueAuditChainCheck(db);
				lastChainCheck = day;
			}
			const report = await sendDueNotices(db, {
				mailer: mailer!,
				origin,
				secret,
				now: new Date(),
				retrySeconds
			});
			// What sending found is news about the mail server too, for Admin → Notices.
			const checkedAt = new Date().toISOString();
			if (report.unreachable)
				status = { ...status, checkedAt, ok: false, error: report.unreachable };
			else if (report.sent + report.digests > 0)
				status = { ...status, checkedAt, ok: true, error: null };
		} catch (e) {
			console.error('Notices: the worker failed and will try again', e);
		} finally {
			running = false;
		}
	};
	void checkMailServer(mailer).then(tick);
	setInterval(tick, seconds * 1000).unref();
}
