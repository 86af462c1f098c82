// The notices Throughline sends by e-mail: what each says and to whom it may go. Isomorphic, so the
// account page, the admin page and the server read the same list.
import type { Role } from './choices.ts';

export const noticeKinds = [
	'update-shared',
	'update-published',
	'question-answered',
	'packet-ready',
	'record-public',
	'update-due',
	'question-waiting',
	'import-failed',
	'audit-chain'
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeDeliveries = ['immediate', 'digest', 'off'] as const;
export type NoticeDelivery = (typeof noticeDeliveries)[number];

export const noticeLanguages = ['en', 'es'] as const;
export type NoticeLanguage = (typeof noticeLanguages)[number];

export interface NoticeKindInfo {
	/** Who may receive it: the roles that may open what it points to. */
	roles: readonly Role[];
	/** What a person gets before choosing. */
	delivery: NoticeDelivery;
	label: string;
	labelEs: string;
}

export const noticeKindInfo: Record<NoticeKind, NoticeKindInfo> = {
	'update-shared': {
		roles: ['board'],
		delivery: 'immediate',
		label: 'A progress update is shared with the board',
		labelEs: 'Se comparte un informe de progreso con la junta'
	},
	'update-published': {
		roles: ['board'],
		delivery: 'digest',
		label: 'A progress update is published',
		labelEs: 'Se publica un informe de progreso'
	},
	'question-answered': {
		roles: ['board'],
		delivery: 'immediate',
		label: 'A question you asked is answered',
		labelEs: 'Una pregunta suya tiene respuesta'
	},
	'packet-ready': {
		roles: ['board'],
		delivery: 'immediate',
		label: "A meeting's packet is ready (every update due is shared)",
		labelEs: 'El paquete de una reunión está listo'
	},
	'record-public': {
		roles: ['board'],
		delivery: 'digest',
		label: "A meeting's record is on the public site",
		labelEs: 'El registro de una reunión está en el sitio público'
	},
	'update-due': {
		roles: ['superintendent', 'staff'],
		delivery: 'immediate',
		label: 'An update is due for a meeting in 14 or 3 days, or overdue',
		labelEs: 'Un informe vence en 14 o 3 días, o está atrasado'
	},
	'question-waiting': {
		roles: ['superintendent', 'staff'],
		delivery: 'immediate',
		label: 'A board question waits for an answer',
		labelEs: 'Una pregunta de la junta espera respuesta'
	},
	'import-failed': {
		roles: ['superintendent', 'staff', 'admin'],
		delivery: 'immediate',
		label: 'An import failed',
		labelEs: 'Una importación falló'
	},
	'audit-chain': {
		roles: ['admin'],
		delivery: 'immediate',
		label: 'The audit trail does not verify',
		labelEs: 'El registro de auditoría no se verifica'
	}
};

export const noticeStatuses = ['pending', 'sending', 'sent', 'failed', 'dropped'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];
