import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { idOf } from '$lib/params';
import { importDone, type ImportDone } from '$lib/server/imports/done';
import {
	currentDistrict,
	importFile,
	ImportFileError,
	importKindNames,
	maxImportBytes,
	type ImportReport
} from '$lib/server/imports';
import { importTogether } from '$lib/server/imports/together';
import {
	discardUpload,
	findUpload,
	maxFilesPerUpload,
	saveUploads,
	sweepUploads,
	type Upload
} from '$lib/server/imports/uploads';
import { csvFormats } from '$lib/server/imports/templates';

const expired = 'This upload has expired. Upload the file again.';

function plain(report: ImportReport) {
	return { ...report, kindName: importKindNames[report.kind] };
}

export type FilePreview =
	| { token: string; fileName: string; preview: ReturnType<typeof plain> }
	| { token: string; fileName: string | null; previewError: string };

/** Each upload's preview (a dry run, on its own against the data as it is), or why it has none. */
async function previewOf(
	token: string,
	user: { id: string; email: string },
	keepRefused: boolean
): Promise<FilePreview> {
	const upload = await findUpload(token);
	if (!upload) return { token, fileName: null, previewError: expired };
	try {
		const report = await importFile(db(), upload.path, upload.name, actorOf(user), {
			dryRun: true
		});
		// A file with row errors cannot be confirmed: it is not kept (it is uploaded again once fixed).
		if (report.errorCount > 0 && !keepRefused) await discardUpload(token);
		return { token, fileName: upload.name, preview: plain(report) };
	} catch (e) {
		if (e instanceof ImportFileError) {
			if (!keepRefused) await discardUpload(token);
			return { token, fileName: upload.name, previewError: e.message };
		}
		throw e;
	}
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'edit');
	const district = currentDistrict(db());
	const formats = csvFormats.map((f) => ({ name: f.name, title: f.title, columns: f.columns }));
	const base = {
		district: district ?? null,
		formats,
		maxMb: maxImportBytes / 1024 / 1024,
		maxFiles: maxFilesPerUpload
	};
	const params = event.url.searchParams;

	const done = params
		.getAll('imported')
		.map(idOf)
		.map((id) => (id === null ? null : importDone(db(), id)))
		.filter((d): d is ImportDone => d !== null);
	const tokens = params.getAll('token').filter(Boolean);

	// Several files uploaded at once: a preview each, confirmed together or one by one.
	if (tokens.length > 1 || (tokens.length === 1 && params.has('batch'))) {
		if (!district) return { ...base, done, previewError: expired };
		// The batch's refused files stay until it is left (confirmed or cancelled), so that each
		// keeps its message while the others are confirmed one by one.
		const files: FilePreview[] = [];
		for (const token of tokens) files.push(await previewOf(token, user, true));
		return { ...base, done, files };
	}
	if (done.length === 1 && tokens.length === 0) return { ...base, done: done[0] };
	if (done.length > 1) return { ...base, doneAll: done };
	if (params.has('unchanged')) {
		return { ...base, unchanged: true };
	}

	const token = tokens[0];
	if (!token) return base;
	if (!district) return { ...base, previewError: expired };
	const one = await previewOf(token, user, false);
	if ('preview' in one) return { ...base, token, preview: one.preview };
	if (one.fileName === null) return { ...base, previewError: one.previewError };
	return { ...base, previewError: one.previewError, fileName: one.fileName };
};

function actorOf(user: { id: string; email: string }) {
	return { id: user.id, email: user.email };
}

/** The page of what is left of a batch after `token` is confirmed or cancelled. */
function batchAfter(form: FormData, token: string, imported: number | null): string {
	const rest = form
		.getAll('batch')
		.map(String)
		.filter((t) => t && t !== token);
	const query = new URLSearchParams();
	if (imported !== null) query.append('imported', String(imported));
	for (const t of rest) query.append('token', t);
	if (rest.length) query.append('batch', '');
	const q = query.toString();
	return `/manage/imports${q ? `?${q}` : ''}`;
}

export const actions: Actions = {
	upload: async (event) => {
		const user = authorize(event, 'edit');
		await sweepUploads();
		let uploads: Upload[];
		try {
			uploads = await saveUploads(event.request, 'file', user.id);
		} catch (e) {
			if (e instanceof ImportFileError) return fail(400, { uploadError: e.message });
			throw e;
		}
		const query = new URLSearchParams(uploads.map((u) => ['token', u.token]));
		redirect(303, `/manage/imports?${query}`);
	},
	confirm: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		const inBatch = form.getAll('batch').length > 0;
		const upload = await findUpload(token);
		if (!upload) return fail(400, { uploadError: expired });
		let report: ImportReport;
		try {
			report = await importFile(db(), upload.path, upload.name, actorOf(user));
		} catch (e) {
			if (e instanceof ImportFileError) {
				await discardUpload(token);
				return fail(400, { uploadError: inBatch ? `${upload.name}: ${e.message}` : e.message });
			}
			throw e;
		}
		if (report.errorCount > 0) {
			// A refused file is not kept for another try: it is uploaded again once corrected.
			await discardUpload(token);
			return fail(400, {
				uploadError: `${inBatch ? `${upload.name}: ` : ''}${report.errorCount} rows have errors; nothing was imported.`
			});
		}
		await discardUpload(token);
		if (inBatch) redirect(303, batchAfter(form, token, report.auditId));
		redirect(
			303,
			report.committed ? `/manage/imports?imported=${report.auditId}` : '/manage/imports?unchanged'
		);
	},
	/** Every file of the batch that can be imported, in one transaction: all of them or none. */
	confirmAll: async (event) => {
		const user = authorize(event, 'edit');
		const form = await event.request.formData();
		const tokens = form.getAll('token').map(String);
		const uploads: Upload[] = [];
		for (const token of tokens) {
			const upload = await findUpload(token);
			if (!upload) return fail(400, { uploadError: expired });
			uploads.push(upload);
		}
		let reports: ImportReport[];
		try {
			reports = await importTogether(db(), uploads, actorOf(user));
		} catch (e) {
			if (e instanceof ImportFileError) return fail(400, { uploadError: e.message });
			throw e;
		}
		for (const token of form.getAll('batch').map(String)) await discardUpload(token);
		const imported = reports.filter((r) => r.committed && r.auditId !== null);
		const query = new URLSearchParams(imported.map((r) => ['imported', String(r.auditId)]));
		redirect(303, imported.length ? `/manage/imports?${query}` : '/manage/imports?unchanged');
	},
	cancel: async (event) => {
		authorize(event, 'edit');
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		await discardUpload(token);
		redirect(303, batchAfter(form, token, null));
	},
	cancelAll: async (event) => {
		authorize(event, 'edit');
		for (const token of (await event.request.formData()).getAll('batch').map(String)) {
			await discardUpload(token);
		}
		redirect(303, '/manage/imports');
	}
};
