// The e-mail a notice becomes: plain text and HTML, in the reader's language, with a link to the
// page and never more of the thing than its title (a draft's content stays on the site).
import type { NoticeKind, NoticeLanguage } from '../../notices.ts';
import type { MailMessage } from './mail.ts';

export interface NoticeForMail {
	id: number;
	kind: NoticeKind;
	title: string;
	titleEs: string | null;
	path: string;
}

interface Words {
	subject: (title: string) => string;
	line: string;
}

const words: Record<NoticeLanguage, Record<NoticeKind, Words>> = {
	en: {
		'update-shared': {
			subject: (t) => `Progress update shared with the board: ${t}`,
			line: 'A progress update has been shared with the board.'
		},
		'update-published': {
			subject: (t) => `Progress update published: ${t}`,
			line: 'A progress update is now public.'
		},
		'question-answered': {
			subject: (t) => `Your question is answered: ${t}`,
			line: 'A question you asked about a progress update has an answer.'
		},
		'packet-ready': {
			subject: (t) => `Meeting packet ready: ${t}`,
			line: 'Every update due at this meeting is shared: the packet is ready to read.'
		},
		'record-public': {
			subject: (t) => `Meeting record public: ${t}`,
			line: "The meeting's record is on the public site."
		},
		'update-due': {
			subject: (t) => `Progress update due: ${t}`,
			line: 'A progress update on the monitoring calendar is due.'
		},
		'question-waiting': {
			subject: (t) => `A board question waits for an answer: ${t}`,
			line: 'A board member asked a question about a progress update.'
		},
		'import-failed': {
			subject: (t) => `Import failed: ${t}`,
			line: 'An import was refused; nothing from it was saved.'
		},
		'audit-chain': {
			subject: () => 'The audit trail does not verify',
			line: "The audit trail's hash chain is broken: a record was changed or removed outside Throughline."
		}
	},
	es: {
		'update-shared': {
			subject: (t) => `Informe de progreso compartido con la junta: ${t}`,
			line: 'Se compartió un informe de progreso con la junta.'
		},
		'update-published': {
			subject: (t) => `Informe de progreso publicado: ${t}`,
			line: 'Un informe de progreso ya es público.'
		},
		'question-answered': {
			subject: (t) => `Su pregunta tiene respuesta: ${t}`,
			line: 'Una pregunta que hizo sobre un informe de progreso tiene respuesta.'
		},
		'packet-ready': {
			subject: (t) => `Paquete de la reunión listo: ${t}`,
			line: 'Todos los informes previstos para esta reunión están compartidos: el paquete está listo.'
		},
		'record-public': {
			subject: (t) => `Acta de la reunión publicada: ${t}`,
			line: 'El registro de la reunión está en el sitio público.'
		},
		'update-due': {
			subject: (t) => `Informe de progreso pendiente: ${t}`,
			line: 'Vence un informe de progreso del calendario de seguimiento.'
		},
		'question-waiting': {
			subject: (t) => `Una pregunta de la junta espera respuesta: ${t}`,
			line: 'Un miembro de la junta hizo una pregunta sobre un informe de progreso.'
		},
		'import-failed': {
			subject: (t) => `Importación fallida: ${t}`,
			line: 'Se rechazó una importación; no se guardó nada de ella.'
		},
		'audit-chain': {
			subject: () => 'El registro de auditoría no se verifica',
			line: 'La cadena de hashes del registro de auditoría está rota: un registro se cambió o se eliminó fuera de Throughline.'
		}
	}
};

const chrome = {
	en: {
		open: 'Open it in Throughline',
		digest: (n: number) => `Throughline: ${n} notice${n === 1 ? '' : 's'} this week`,
		digestLine: 'What happened in Throughline this week:',
		why: 'You receive this because of your notice settings in Throughline.',
		settings: 'Change your notices',
		stop: 'Stop these notices',
		stopDigest: 'Stop the weekly digest'
	},
	es: {
		open: 'Ábralo en Throughline',
		digest: (n: number) => `Throughline: ${n} aviso${n === 1 ? '' : 's'} esta semana`,
		digestLine: 'Lo que pasó en Throughline esta semana:',
		why: 'Recibe este mensaje por su configuración de avisos en Throughline.',
		settings: 'Cambiar sus avisos',
		stop: 'Dejar de recibir estos avisos',
		stopDigest: 'Dejar de recibir el resumen semanal'
	}
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function titleIn(n: NoticeForMail, language: NoticeLanguage): string {
	return (language === 'es' && n.titleEs) || n.title;
}

export interface Addressing {
	to: string;
	language: NoticeLanguage;
	origin: string;
	/** The one-click unsubscribe address for the message's kind (a digest: its first notice's). */
	unsubscribeUrl: (kind: NoticeKind | 'digest') => string;
	host: string;
}

function headers(unsubscribe: string): Record<string, string> {
	// RFC 8058: a mail program may offer the button and POST to the address itself.
	return {
		'List-Unsubscribe': `<${unsubscribe}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
	};
}

function page(body: string, footer: string, language: NoticeLanguage): string {
	return `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">${body}<hr><p style="font-size:0.9em">${footer}</p></body></html>`;
}

export function noticeMail(n: NoticeForMail, a: Addressing): MailMessage {
	const w = words[a.language][n.kind];
	const c = chrome[a.language];
	const title = titleIn(n, a.language);
	const link = a.origin + n.path;
	const unsubscribe = a.unsubscribeUrl(n.kind);
	const settings = `${a.origin}/account#notices`;
	return {
		to: a.to,
		subject: w.subject(title),
		text: `${w.line}\n\n${title}\n${c.open}: ${link}\n\n--\n${c.why}\n${c.settings}: ${settings}\n${c.stop}: ${unsubscribe}\n`,
		html: page(
			`<p>${escape(w.line)}</p><p><strong>${escape(title)}</strong></p><p><a href="${escape(link)}">${escape(c.open)}</a></p>`,
			`${escape(c.why)} <a href="${escape(settings)}">${escape(c.settings)}</a> · <a href="${escape(unsubscribe)}">${escape(c.stop)}</a>`,
			a.language
		),
		messageId: `<notice-${n.id}@${a.host}>`,
		headers: headers(unsubscribe)
	};
}

export function digestMail(list: NoticeForMail[], a: Addressing): MailMessage {
	const c = chrome[a.language];
	const settings = `${a.origin}/account#notices`;
	const items = list.map((n) => ({
		subject: words[a.language][n.kind].subject(titleIn(n, a.language)),
		link: a.origin + n.path
	}));
	// A digest's one-click address turns off every kind the reader gets in the digest.
	const unsubscribe = a.unsubscribeUrl('digest');
	return {
		to: a.to,
		subject: c.digest(list.length),
		text: `${c.digestLine}\n\n${items.map((i) => `- ${i.subject}\n  ${i.link}`).join('\n')}\n\n--\n${c.why}\n${c.settings}: ${settings}\n${c.stopDigest}: ${unsubscribe}\n`,
		html: page(
			`<p>${escape(c.digestLine)}</p><ul>${items.map((i) => `<li><a href="${escape(i.link)}">${escape(i.subject)}</a></li>`).join('')}</ul>`,
			`${escape(c.why)} <a href="${escape(settings)}">${escape(c.settings)}</a> · <a href="${escape(unsubscribe)}">${escape(c.stopDigest)}</a>`,
			a.language
		),
		messageId: `<digest-${list[0].id}-${list.length}@${a.host}>`,
		headers: headers(unsubscribe)
	};
}
