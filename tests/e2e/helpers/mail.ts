// A real SMTP server for the notices' tests (smtp-server from npm, in the test process), which
// keeps every message it accepts, parsed by mailparser; it can refuse an address for good, and be
// stopped and started again to play a mail server that is down.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received {
	to: string;
	subject: string;
	text: string;
	html: string;
	messageId: string;
	/** A header as sent (mailparser structures some, such as List-*, into objects). */
	header(name: string): string | null;
	mail: ParsedMail;
}

export class TestMailServer {
	received: Received[] = [];
	/** Addresses answered `550 5.1.1` at RCPT TO. */
	refused = new Set<string>();
	private server: SMTPServer | null = null;

	constructor(readonly port: number) {}

	async start(): Promise<void> {
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo: (address, _session, callback) => {
				if (this.refused.has(address.address.toLowerCase())) {
					const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
					return callback(error);
				}
				callback();
			},
			onData: (stream, session, callback) => {
				simpleParser(stream)
					.then((mail) => {
						for (const rcpt of session.envelope.rcptTo)
							this.received.push({
								to: rcpt.address.toLowerCase(),
								subject: mail.subject ?? '',
								text: mail.text ?? '',
								html: typeof mail.html === 'string' ? mail.html : '',
								messageId: mail.messageId ?? '',
								header: (name) => {
									const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
									return line ? line.slice(line.indexOf(':') + 1).trim() : null;
								},
								mail
							});
						callback();
					})
					.catch(callback);
			}
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
		this.server = server;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	to(address: string): Received[] {
		return this.received.filter((m) => m.to === address.toLowerCase());
	}
}
