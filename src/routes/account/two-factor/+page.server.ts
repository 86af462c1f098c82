import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { errorsOf } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db } from '$lib/server/db';
import { auth } from '$lib/server/auth/server';
import { authorize } from '$lib/server/auth/guard';
import { applySetCookie } from '$lib/server/auth/cookies';
import { safeRedirect } from '$lib/server/auth/redirect';
import { AccountError } from '$lib/server/auth/users';
import {
	confirmTwoFactorSetup,
	disableTwoFactor,
	newRecoveryCodes,
	pendingSetup,
	qrSvg,
	startTwoFactorSetup,
	twoFactorRequired,
	twoFactorState
} from '$lib/server/auth/two-factor';

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'account');
	const state = await twoFactorState(auth(), db(), user.id);
	const setup = state.pending ? await pendingSetup(auth(), db(), user) : null;
	return {
		state,
		required: twoFactorRequired(db(), user.role),
		due: event.locals.twoFactorDue,
		next: event.url.searchParams.has('next')
			? safeRedirect(event.url.searchParams.get('next'), '/account')
			: null,
		setup: setup ? { ...setup, qr: await qrSvg(setup.totpURI) } : null
	};
};

const password = z.string().min(1).max(1024);
const Code = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'Enter the six digits your app shows.')
});

/** The password field of a form (each form on the page names its own, for unique ids). */
async function withPassword(event: RequestEvent, field = 'password') {
	const parsed = password.safeParse((await event.request.formData()).get(field));
	return parsed.success ? parsed.data : null;
}

function refused(e: unknown, form: string, passwordField = 'password') {
	if (e instanceof AccountError) {
		const field = !e.field || e.field === 'password' ? passwordField : e.field;
		return fail(400, { [form]: { errors: { [field]: [e.message] } } });
	}
	throw e;
}

export const actions: Actions = {
	start: async (event) => {
		authorize(event, 'account');
		const password = await withPassword(event);
		if (password === null)
			return fail(400, { start: { errors: { password: ['Enter your password.'] } } });
		try {
			await startTwoFactorSetup(auth(), { password, headers: event.request.headers });
		} catch (e) {
			return refused(e, 'start');
		}
		return { start: { done: true } };
	},
	confirm: async (event) => {
		const user = authorize(event, 'account');
		const parsed = Code.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { confirm: { errors: errorsOf(parsed.error) } });
		try {
			const done = await confirmTwoFactorSetup(auth(), db(), user, {
				code: parsed.data.code,
				headers: event.request.headers
			});
			applySetCookie(event.cookies, done.setCookie);
			return { recoveryCodes: done.recoveryCodes };
		} catch (e) {
			return refused(e, 'confirm');
		}
	},
	newCodes: async (event) => {
		const user = authorize(event, 'account');
		const password = await withPassword(event, 'newCodesPassword');
		if (password === null)
			return fail(400, { newCodes: { errors: { newCodesPassword: ['Enter your password.'] } } });
		try {
			const codes = await newRecoveryCodes(auth(), db(), user, {
				password,
				headers: event.request.headers
			});
			return { recoveryCodes: codes };
		} catch (e) {
			return refused(e, 'newCodes', 'newCodesPassword');
		}
	},
	disable: async (event) => {
		const user = authorize(event, 'account');
		const password = await withPassword(event, 'disablePassword');
		if (password === null)
			return fail(400, { disable: { errors: { disablePassword: ['Enter your password.'] } } });
		try {
			const setCookie = await disableTwoFactor(auth(), db(), user, {
				password,
				headers: event.request.headers
			});
			applySetCookie(event.cookies, setCookie);
		} catch (e) {
			return refused(e, 'disable', 'disablePassword');
		}
		return { disable: { done: true } };
	}
};
