import { error, redirect } from '@sveltejs/kit';
import { whoMay } from '../../roles.ts';
import { type Role } from '../../choices.ts';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
}

/** Who may do what. Every load, form action and endpoint that is not public names one of these. */
export const access = {
	/** Board pages: internal signals, shared drafts, the throughline map… */
	board: ['board', 'staff', 'superintendent', 'admin'],
	/**
	 * Entering and importing data, writing updates, answering questions. An administrator may do
	 * everything staff may do, so that one person can set up a small district.
	 */
	edit: ['staff', 'superintendent', 'admin'],
	/** Publishing progress updates to the public. */
	publish: ['superintendent'],
	/** Marking a board meeting held, which opens its public record. */
	hold: ['superintendent', 'admin'],
	/**
	 * Recording the board's verdict on a report and its roll call: the board, or staff as its clerk;
	 * not the superintendent, whose reports the verdicts judge.
	 */
	verdict: ['board', 'staff', 'admin'],
	/**
	 * The board's evaluation of the superintendent: its conclusions, each member's own ratings
	 * (confidential to the board: closed-session material) and the adoption.
	 */
	evaluate: ['board'],
	/** Rating the board's self-evaluation: each member and the superintendent. */
	selfRate: ['board', 'superintendent'],
	/** Asking questions of staff. */
	ask: ['board'],
	/** Users, settings, audit trail, backups. */
	admin: ['admin'],
	/** Any signed-in person: their own account (password, sign out everywhere). */
	account: ['board', 'staff', 'superintendent', 'admin']
} as const satisfies Record<string, readonly Role[]>;

export type Access = keyof typeof access;

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/** Where a person whose role requires an authenticator app sets one up. */
export const twoFactorSetupPath = '/account/two-factor';

/**
 * The one authorization check. The public is sent to sign in; a signed-in user who still has to
 * set up an authenticator app is sent to do so; a signed-in user without the right role gets 403. Returns the user so callers can record who acted.
 */
export function authorize(event: GuardEvent, need: Access): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	// Hooks send them there already; this keeps every guarded route closed even if that changes.
	if (event.locals.twoFactorDue && event.url.pathname !== twoFactorSetupPath)
		redirect(
			303,
			`${twoFactorSetupPath}?next=${encodeURIComponent(event.url.pathname + event.url.search)}`
		);
	if (!(access[need] as readonly Role[]).includes(user.role)) {
		error(403, {
			message: 'Your role does not allow this.',
			need: whoMay(access[need])
		});
	}
	return user;
}

/** True when the user's role grants the access; for showing or hiding links, never for security. */
export function can(user: SessionUser | null, need: Access): boolean {
	return !!user && (access[need] as readonly Role[]).includes(user.role);
}

/**
 * The access a path of this site needs, by the area it lies in. Links to fixes use it to show
 * only what the reader may open; each route still authorizes itself.
 */
export function accessForPath(path: string): Access | null {
	if (path.startsWith('/admin')) return 'admin';
	if (path.startsWith('/manage')) return 'edit';
	if (path.startsWith('/board') || path.startsWith('/present')) return 'board';
	if (path.startsWith('/account')) return 'account';
	return null;
}
