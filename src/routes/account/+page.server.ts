import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { errorsOf, formValues, invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import {
	AccountError,
	changeOwnPassword,
	openSessionCount,
	signOutEverywhere
} from '$lib/server/auth';
import { recentFailures } from '$lib/server/auth/throttle';
import { twoFactorRequired, twoFactorState } from '$lib/server/auth/two-factor';
import { auth } from '$lib/server/auth/server';
import {
	noticeChoicesFromForm,
	noticeChoicesOf,
	noticeLanguageOf,
	saveNoticeChoices
} from '$lib/server/notices/preferences';
import { mailStatus } from '$lib/server/notices/service';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'account');
	const failures = recentFailures(db(), user.email);
	return {
		me: { name: user.name, email: user.email, role: user.role },
		sessionCount: openSessionCount(db(), user.id),
		twoFactor: await twoFactorState(auth(), db(), user.id),
		twoFactorRequired: twoFactorRequired(db(), user.role),
		notices: {
			choices: noticeChoicesOf(db(), user.id, user.role),
			language: noticeLanguageOf(db(), user.id),
			mailConfigured: mailStatus().configured
		},
		failures: {
			total: failures.total,
			rows: failures.rows.map((f) => ({ at: f.at.toISOString(), address: f.address, kind: f.kind }))
		}
	};
};

const ChangePassword = z
	.object({
		current: z.string().min(1, 'Enter your current password.'),
		password: z.string().min(1, 'Enter a new password.'),
		confirm: z.string().min(1, 'Enter the new password again.')
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two new passwords differ.'
	});

export const actions: Actions = {
	changePassword: async (event) => {
		const user = authorize(event, 'account');
		const parsed = ChangePassword.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { changePassword: { errors: errorsOf(parsed.error) } });
		try {
			await changeOwnPassword(
				db(),
				{ id: user.id, email: user.email },
				parsed.data.current,
				parsed.data.password,
				event.locals.sessionId
			);
		} catch (e) {
			if (e instanceof AccountError)
				return fail(400, { changePassword: { errors: { [e.field ?? 'password']: [e.message] } } });
			throw e;
		}
		return { changePassword: { done: true } };
	},
	notices: async (event) => {
		const user = authorize(event, 'account');
		const form = await event.request.formData();
		const offered = noticeChoicesOf(db(), user.id, user.role).map((c) => c.kind);
		const parsed = noticeChoicesFromForm(form, offered);
		if (!parsed.success) {
			// Field names as the form has them: `delivery.<kind>` and `language`.
			const errors = Object.fromEntries(
				Object.entries(errorsOf(parsed.error)).map(([k, v]) => [
					k.startsWith('deliveries.') ? k.replace('deliveries.', 'delivery.') : k,
					v
				])
			);
			return invalid(formValues(form), errors, 'notices');
		}
		saveNoticeChoices(db(), { id: user.id, email: user.email }, user.id, user.role, parsed.data);
		return { form: 'notices', saved: true };
	},
	signOutEverywhere: async (event) => {
		const user = authorize(event, 'account');
		signOutEverywhere(db(), { id: user.id, email: user.email });
		// The session is gone from the database; also drop the now useless cookie.
		event.cookies.delete('throughline.session_token', { path: '/', secure: false });
		if (event.url.protocol === 'https:')
			event.cookies.delete('__Secure-throughline.session_token', { path: '/', secure: true });
		redirect(303, '/login');
	}
};
