import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { publicMeetingRecord } from '$lib/server/meetings/public-record';
import { dispositionRecords } from '$lib/server/board-record/dispositions';

// Read, not used: a public page with no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	// A meeting not marked held has no public page: it is not found, whether or not it exists.
	const record = publicMeetingRecord(db(), id);
	if (!record) error(404, m.error_no_meeting());
	// The board's verdicts are kept as voted (never edited), so they stand beside the frozen record.
	return { record, verdicts: dispositionRecords(db(), { meetingId: id }) };
};
