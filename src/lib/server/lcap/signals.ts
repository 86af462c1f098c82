import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { SignalSource } from '../signals/types.ts';
import { boardMeetings, lcapMidYearReports, lcapVersions } from '../db/schema/index.ts';
import { schoolYearLabel, schoolYearOf } from '../../school-year.ts';
import { formatDate } from '../../format.ts';

/** The day the mid-year report on the LCAP is due to the board in the school year of `today`. */
export function midYearDue(today: string): { year: string; due: string } {
	const start = schoolYearOf(today);
	return { year: schoolYearLabel(start), due: `${start + 1}-02-28` };
}

/**
 * A district with an LCAP whose mid-year report of the year sits on no meeting held by
 * 28 February: raised from the first of December, when the report is being prepared, so the
 * board puts it on an agenda in time.
 */
export const lcapSignals: SignalSource = (db: Db, { today }) => {
	if (!db.select({ id: lcapVersions.id }).from(lcapVersions).limit(1).get()) return [];
	const { year, due } = midYearDue(today);
	if (today < `${Number(due.slice(0, 4)) - 1}-12-01`) return [];
	const report = db
		.select({ id: lcapMidYearReports.id, heldOn: boardMeetings.heldOn })
		.from(lcapMidYearReports)
		.leftJoin(boardMeetings, eq(boardMeetings.id, lcapMidYearReports.meetingId))
		.where(eq(lcapMidYearReports.year, year))
		.get();
	if (report?.heldOn && report.heldOn <= due) return [];
	return [
		{
			key: `lcap-midyear:${year}`,
			area: 'meetings',
			message: report?.heldOn
				? `The ${year} LCAP mid-year report is on the meeting of ${formatDate(report.heldOn)}, after it is due (${formatDate(due)}).`
				: `No meeting by ${formatDate(due)} carries the ${year} LCAP mid-year report, due to the board by then.`,
			href: report ? `/manage/lcap/mid-year/${report.id}` : '/manage/lcap/import',
			fixLabel: report ? 'Put the report on a meeting' : 'Import the mid-year report'
		}
	];
};
