import type { Db } from '../db/open.ts';
import { createMeeting } from '../meetings/meetings.ts';
import { publishUpdate, saveUpdate, updateInput } from '../meetings/updates.ts';
import { markHeld } from '../meetings/held.ts';
import { seedMeetingsDistrict, staff, superintendent } from '../meetings/fixture.ts';
import { addMember } from './members.ts';

/** A report of a priority published for a meeting on a date, the meeting held: its update's id. */
export function presentedReport(db: Db, priorityId: number, heldOn: string): number {
	const meetingId = createMeeting(db, staff, {
		heldOn,
		kind: 'regular',
		title: '',
		location: null
	});
	const { updateId } = saveUpdate(
		db,
		staff,
		priorityId,
		meetingId,
		updateInput.parse({ status: 'on track', summary: `Report of ${heldOn}` })
	);
	publishUpdate(db, superintendent, updateId);
	markHeld(db, superintendent, meetingId, heldOn);
	return updateId;
}

/**
 * The meetings district with five seats: four members seated 2022-12-01 to 2026-11-30 and a fifth
 * seat that changed hands on 2024-12-01 (ids 1–6).
 */
export function seedBoardDistrict(db: Db): void {
	seedMeetingsDistrict(db);
	const member = (name: string, seat: string, termStart: string, termEnd: string) => {
		const saved = addMember(db, staff, { name, seat, termStart, termEnd });
		if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
	};
	member('Ana Alvarez', 'Area 1', '2022-12-01', '2026-11-30');
	member('Ben Brooks', 'Area 2', '2022-12-01', '2026-11-30');
	member('Cam Chen', 'Area 3', '2022-12-01', '2026-11-30');
	member('Dee Diaz', 'Area 4', '2022-12-01', '2026-11-30');
	member('Eli Evans', 'Area 5', '2020-12-01', '2024-11-30');
	member('Fay Fox', 'Area 5', '2024-12-01', '2028-11-30');
}
