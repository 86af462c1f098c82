import type { SessionUser } from '$lib/server/auth/guard.ts';
import type { RoleCode } from '$lib/roles.ts';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user, or null for the public. Set by the session handle in hooks. */
			user: SessionUser | null;
			sessionId: string | null;
			/** Signed in, but their role requires an authenticator app they have not set up yet. */
			twoFactorDue: boolean;
		}
		/** What the root layout gives every page, the error page included. */
		interface PageData {
			user?: { name: string; role: RoleCode } | null;
			nav?: { board: boolean; edit: boolean; admin: boolean };
		}
		interface Error {
			message: string;
			/** On a 403: who may open it, in words ("staff, the superintendent or an administrator"). */
			need?: string;
		}
	}
}

export {};
