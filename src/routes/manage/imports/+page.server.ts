import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { idOf } from '$lib/params';
import { importDone } from '$lib/server/imports/done';
import {
	currentDistrict,
	importFile,
	ImportFileError,
	importKindNames,
	maxImportBytes,
	type ImportReport
} from '$lib/server/imports';
import { discardUpload, findUpload, saveUpload, sweepUploads } from '$lib/server/imports/uploads';
import { csvFormats } from '$lib/server/imports/templates';

function plain(report: ImportReport) {
	return { ...report, kindName: importKindNames[report.kind] };
}

export const load: PageServerLoad = async (event) => {
	const user = authorize(event, 'edit');
	const district = currentDistrict(db());
	const formats = csvFormats.map((f) => ({ name: f.name, title: f.title, columns: f.columns }));
	const base = { district: district ?? null, formats, maxMb: maxImportBytes / 1024 / 1024 };

	const imported = idOf(event.url.searchParams.get('imported'));
	const done = imported === null ? null : importDone(db(), imported);
	if (done) return { ...base, done };
	if (event.url.searchParams.has('unchanged')) {
		return { ...base, unchanged: true };
	}

	const token = event.url.searchParams.get('token');
	if (!token) return base;
	const upload = await findUpload(token);
	if (!upload || !district) {
		return { ...base, previewError: 'This upload has expired. Upload the file again.' };
	}
	try {
		const report = await importFile(db(), upload.path, upload.name, actorOf(user), {
			dryRun: true
		});
		// A file with row errors cannot be confirmed: it is not kept (it is uploaded again once fixed).
		if (report.errorCount > 0) await discardUpload(token);
		return { ...base, token, preview: plain(report) };
	} catch (e) {
		if (e instanceof ImportFileError) {
			await discardUpload(token);
			return { ...base, previewError: e.message, fileName: upload.name };
		}
		throw e;
	}
};

function actorOf(user: { id: string; email: string }) {
	return { id: user.id, email: user.email };
}

export const actions: Actions = {
	upload: async (event) => {
		const user = authorize(event, 'edit');
		await sweepUploads();
		try {
			const upload = await saveUpload(event.request, 'file', user.id);
			redirect(303, `/manage/imports?token=${upload.token}`);
		} catch (e) {
			if (e instanceof ImportFileError) return fail(400, { uploadError: e.message });
			throw e;
		}
	},
	confirm: async (event) => {
		const user = authorize(event, 'edit');
		const token = String((await event.request.formData()).get('token') ?? '');
		const upload = await findUpload(token);
		if (!upload)
			return fail(400, { uploadError: 'This upload has expired. Upload the file again.' });
		let report: ImportReport;
		try {
			report = await importFile(db(), upload.path, upload.name, actorOf(user));
		} catch (e) {
			if (e instanceof ImportFileError) {
				await discardUpload(token);
				return fail(400, { uploadError: e.message });
			}
			throw e;
		}
		if (report.errorCount > 0) {
			// A refused file is not kept for another try: it is uploaded again once corrected.
			await discardUpload(token);
			return fail(400, {
				uploadError: `${report.errorCount} rows have errors; nothing was imported.`
			});
		}
		await discardUpload(token);
		redirect(
			303,
			report.committed ? `/manage/imports?imported=${report.auditId}` : '/manage/imports?unchanged'
		);
	},
	cancel: async (event) => {
		authorize(event, 'edit');
		const token = String((await event.request.formData()).get('token') ?? '');
		await discardUpload(token);
		redirect(303, '/manage/imports');
	}
};
