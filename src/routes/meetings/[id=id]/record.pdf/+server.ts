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
	// /es/meetings/[id]/record.pdf is the Spanish record (the reroute keeps the address as asked).
	const spanish = url.pathname.startsWith('/es/');
	const pdf = await recordPdf(
		record,
		`${url.origin}${spanish ? '/es' : ''}/meetings/${record.meeting.id}`,
		spanish ? 'es' : 'en'
	);
	return new Response(pdf.buffer as ArrayBuffer, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="board-meeting-${record.meeting.heldOn}-record${spanish ? '-es' : ''}.pdf"`
		}
	});
};
