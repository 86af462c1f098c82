// Where a person lands after signing in without a page to return to: their role's own home.
import type { DbFile } from '../db/open.ts';
import { setupChecklist, setupComplete } from './checklist.ts';

/**
 * An administrator goes to the setup checklist while setup is incomplete, else to Admin; staff and
 * the superintendent to Manage; a board member to the board overview. Anyone else: the public home.
 */
export function homeAfterSignIn(db: DbFile, userId: string): string {
	const role = db.$client.prepare('select role from user where id = ?').pluck().get(userId);
	switch (role) {
		case 'admin':
			return setupComplete(setupChecklist(db)) ? '/admin' : '/manage/setup';
		case 'superintendent':
		case 'staff':
			return '/manage';
		case 'board':
			return '/board';
		default:
			return '/';
	}
}
