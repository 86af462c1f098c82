import type { Db } from '../db/open.ts';
import { users } from '../db/schema/auth.ts';
import { district } from '../db/schema/district.ts';
import { priorities } from '../db/schema/priorities.ts';
import type { Actor } from '../audit/index.ts';

export const staff: Actor = { id: 'u-staff', email: 'staff@example.org' };
export const superintendent: Actor = { id: 'u-sup', email: 'superintendent@example.org' };
export const boardMember: Actor = { id: 'u-board', email: 'board@example.org' };

/** A district with three users and two active priorities (ids 1 and 2). */
export function seedMeetingsDistrict(db: Db): void {
	const now = new Date();
	db.insert(district).values({ id: 1, name: 'Test USD', cdsCode: '01234560000000' }).run();
	db.insert(users)
		.values([
			{
				id: 'u-staff',
				name: 'Sam Staff',
				email: 'staff@example.org',
				role: 'staff',
				createdAt: now,
				updatedAt: now
			},
			{
				id: 'u-sup',
				name: 'Sue Super',
				email: 'superintendent@example.org',
				role: 'superintendent',
				createdAt: now,
				updatedAt: now
			},
			{
				id: 'u-board',
				name: 'Bo Board',
				email: 'board@example.org',
				role: 'board',
				createdAt: now,
				updatedAt: now
			}
		])
		.run();
	db.insert(priorities)
		.values([
			{ id: 1, slug: 'early-literacy', title: 'Early literacy', sortOrder: 1 },
			{ id: 2, slug: 'math', title: 'Math for all', sortOrder: 2 }
		])
		.run();
}
