import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { publicMeetingRecord } from '$lib/server/meetings/public-record';
import { recordPdf } from '$lib/server/meetings/record-pdf';

/** The public record of a held meeting as a PDF file: the same content as /meetings/[id]. */
export const GET: RequestHandler = async ({ params, url }) => {
	const id = Number(params.id);
	const record = publicMeetingRecord(db(), id);
	if (!record) error(404, 'No board meeting on record with that number.');
	const pdf = await recordPdf(record, `${url.origin}/meetings/${record.meeting.id}`);
	return new Response(pdf.buffer as ArrayBuffer, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="board-meeting-${record.meeting.heldOn}-record.pdf"`
		}
	});
};
