import { error, fail } from '@sveltejs/kit';
import { errorsOf, type FieldErrors } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import {
	AccountError,
	changeRole,
	deactivateUser,
	findAccount,
	reactivateUser,
	resetPassword
} from '$lib/server/auth';
import { changeRoleSchema, resetPasswordSchema } from '$lib/server/auth/forms';
import { historyOf } from '$lib/server/audit/history';
import { auth } from '$lib/server/auth/server';
import { recentFailures, throttleVerdict } from '$lib/server/auth/throttle';
import { resetTwoFactor, twoFactorRequired, twoFactorState } from '$lib/server/auth/two-factor';

export const load: PageServerLoad = async (event) => {
	const admin = authorize(event, 'admin');
	const account = findAccount(db(), event.params.id);
	if (!account) error(404, 'No such account.');
	const failures = recentFailures(db(), account.email);
	return {
		account,
		isSelf: account.id === admin.id,
		twoFactor: await twoFactorState(auth(), db(), account.id),
		twoFactorRequired: twoFactorRequired(db(), account.role),
		failureCount: failures.total,
		suspended: isSuspended(throttleVerdict(db(), account.email, '')),
		history: historyOf(db(), 'user', account.id)
	};
};

function isSuspended(v: ReturnType<typeof throttleVerdict>): boolean {
	return !v.allowed && v.reason === 'suspended';
}

/** A refused action names its form (`refusal(form, 'changeRole')` on the page) and says why. */
type Failure = { form: string; errors: FieldErrors };

function refused(form: string, e: unknown) {
	if (e instanceof AccountError)
		return fail(400, { form, errors: { [e.field ?? 'form']: [e.message] } } satisfies Failure);
	throw e;
}

export const actions: Actions = {
	changeRole: async (event) => {
		const admin = authorize(event, 'admin');
		const parsed = changeRoleSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success)
			return fail(400, { form: 'changeRole', errors: errorsOf(parsed.error) } satisfies Failure);
		try {
			changeRole(db(), { id: admin.id, email: admin.email }, event.params.id, parsed.data.role);
		} catch (e) {
			return refused('changeRole', e);
		}
		return { done: 'The role is changed.' };
	},
	deactivate: async (event) => {
		const admin = authorize(event, 'admin');
		try {
			deactivateUser(db(), { id: admin.id, email: admin.email }, event.params.id);
		} catch (e) {
			return refused('deactivate', e);
		}
		return { done: 'The account is deactivated and its sessions ended.' };
	},
	reactivate: async (event) => {
		const admin = authorize(event, 'admin');
		try {
			reactivateUser(db(), { id: admin.id, email: admin.email }, event.params.id);
		} catch (e) {
			return refused('reactivate', e);
		}
		return { done: 'The account is active again.' };
	},
	resetPassword: async (event) => {
		const admin = authorize(event, 'admin');
		const parsed = resetPasswordSchema.safeParse(
			Object.fromEntries(await event.request.formData())
		);
		if (!parsed.success)
			return fail(400, {
				form: 'resetPassword',
				errors: errorsOf(parsed.error)
			} satisfies Failure);
		try {
			await resetPassword(
				db(),
				{ id: admin.id, email: admin.email },
				event.params.id,
				parsed.data.password
			);
		} catch (e) {
			return refused('resetPassword', e);
		}
		return { done: 'The password is reset and the account’s sessions ended.' };
	},
	resetTwoFactor: async (event) => {
		const admin = authorize(event, 'admin');
		try {
			const done = resetTwoFactor(db(), { id: admin.id, email: admin.email }, event.params.id);
			return {
				done: done
					? 'The authenticator app is reset and the account’s sessions ended.'
					: 'This account had no authenticator app.'
			};
		} catch (e) {
			return refused('resetTwoFactor', e);
		}
	}
};
