import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { publicMeetingRecord } from '$lib/server/meetings/public-record';
import { midYearOfMeeting } from '$lib/server/lcap/mid-year';
import { dispositionRecords } from '$lib/server/board-record/dispositions';

// Read, not used: a public page with no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	// A meeting not marked held has no public page: it is not found, whether or not it exists.
	const record = publicMeetingRecord(db(), id);
	if (!record) error(404, m.error_no_meeting());
	// The LCAP's mid-year report presented at the meeting: frozen with its record; the board's
	// verdicts are kept as voted (never edited), so they stand beside the frozen record.
	const midYear = midYearOfMeeting(db(), id);
	return {
		record,
		midYear: midYear?.meeting?.frozen ? midYear : null,
		verdicts: dispositionRecords(db(), { meetingId: id })
	};
};
