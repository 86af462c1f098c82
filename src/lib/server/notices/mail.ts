// The district's mail server, from the environment (README: Configuration). Nodemailer speaks SMTP;
// the worker sees only `Mailer`, so unit tests hand it one that records what it is given.
import { createTransport } from 'nodemailer';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Ours, fixed per notice: a message sent again after a crash reads as the same one. */
	messageId: string;
	headers: Record<string, string>;
}

export interface Mailer {
	send(message: MailMessage): Promise<void>;
	/** Connects and greets the server: throws with its reason when it cannot. */
	verify(): Promise<void>;
}

export interface MailSettings {
	url: string;
	from: string;
}

/** SMTP_URL (smtp://user:password@host:587, smtps://… for implicit TLS) and MAIL_FROM. */
export function mailSettings(
	env: Record<string, string | undefined> = process.env
): MailSettings | null {
	const url = env.SMTP_URL?.trim();
	if (!url) return null;
	const host = (() => {
		try {
			return new URL(env.ORIGIN ?? 'http://localhost').hostname;
		} catch {
			return 'localhost';
		}
	})();
	return { url, from: env.MAIL_FROM?.trim() || `Throughline <throughline@${host}>` };
}

export function smtpMailer(settings: MailSettings): Mailer {
	const transport = createTransport(settings.url, { from: settings.from });
	return {
		async send(m) {
			await transport.sendMail({
				to: m.to,
				subject: m.subject,
				text: m.text,
				html: m.html,
				messageId: m.messageId,
				headers: m.headers
			});
		},
		async verify() {
			await transport.verify();
		}
	};
}

/**
 * Whether the mail server refused for good: every 5yz reply but 503 (RFC 5321; 503 is a bad
 * sequence of commands on that connection, not a refusal of the message). Anything else — a
 * 4yz reply, a connection refused or dropped, a timeout — is tried again later.
 */
export function isPermanentRefusal(error: unknown): boolean {
	const code = (error as { responseCode?: number } | null)?.responseCode;
	return typeof code === 'number' && code >= 500 && code < 600 && code !== 503;
}

/** The reason to show an administrator: the server's reply, or what went wrong reaching it. */
export function refusalReason(error: unknown): string {
	const e = error as { response?: string; message?: string; code?: string } | null;
	return (e?.response ?? e?.message ?? String(error)).slice(0, 500);
}
