import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { ImportFileError } from '$lib/server/imports';
import { discardUpload, saveUploads, sweepUploads } from '$lib/server/imports/uploads';
import { lcapImportInput, optionsOf } from '$lib/server/lcap/form';
import { meetingChoices, runLcapUploads } from '$lib/server/lcap/preview';
import { lcapFormats } from '$lib/server/lcap/files';

function actorOf(user: { id: string; email: string }) {
	return { id: user.id, email: user.email };
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'edit');
	const formats = lcapFormats.map((f) => ({
		kind: f.kind,
		title: f.title,
		columns: [...f.columns],
		required: [...f.required]
	}));
	const tokens = event.url.searchParams.getAll('token').filter(Boolean);
	if (!tokens.length) return { formats, tokens };
	const run = await runLcapUploads(db(), tokens, actorOf(user), {
		dryRun: true,
		skipPrintedCheck: true
	});
	if (!run.ok) {
		for (const t of tokens) await discardUpload(t);
		return { formats, tokens: [] as string[], previewError: run.message };
	}
	// Files with row errors cannot be confirmed: they are not kept (uploaded again once fixed).
	if (run.report.errors.length) for (const t of tokens) await discardUpload(t);
	return {
		formats,
		tokens: run.report.errors.length ? [] : tokens,
		suggestedYear: run.year,
		meetings: meetingChoices(db()),
		preview: run.report
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const user = authorize(event, 'edit');
		await sweepUploads();
		try {
			const uploads = await saveUploads(event.request, 'file', user.id);
			const query = new URLSearchParams(uploads.map((u) => ['token', u.token]));
			redirect(303, `/manage/lcap/import?${query}`);
		} catch (e) {
			if (e instanceof ImportFileError) return fail(400, { uploadError: e.message });
			throw e;
		}
	},
	confirm: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const tokens = form.getAll('token').map(String);
		const needsTotal = form.get('hasActions') === '1';
		const parsed = parseForm(lcapImportInput(needsTotal), form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const run = await runLcapUploads(db(), tokens, actorOf(user), optionsOf(parsed.data));
		if (!run.ok) return fail(400, { uploadError: run.message });
		if (run.report.errors.length) {
			return fail(400, {
				values: parsed.values,
				errors: { form: ['The files or the totals typed were refused; see the problems below.'] },
				refused: run.report.errors
			});
		}
		for (const t of tokens) await discardUpload(t);
		redirect(
			303,
			run.report.committed
				? `/manage/lcap?imported=${run.report.auditId}`
				: '/manage/lcap?unchanged'
		);
	},
	cancel: async (event) => {
		authorize(event, 'edit');
		for (const t of (await event.request.formData()).getAll('token').map(String)) {
			await discardUpload(t);
		}
		redirect(303, '/manage/lcap/import');
	}
};
