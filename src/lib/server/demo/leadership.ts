/** Who led: superintendents, priority sponsors and principals, and the sponsors' visible acts. */
import { engagementKinds } from '../../choices.ts';
import { inserter, type Context } from './context.ts';
import { addDays, daysBetween } from './dates.ts';
import { engagementNotes, familyNames, givenNames } from './names.ts';
import { adoptedOn } from './plan.ts';
import { openSchools } from './schools.ts';

interface Leader {
	name: string;
	title: string;
	/** Starts on 1 July of the school year this many years before the last one. */
	fromLast?: number;
}

const sponsorPlans: Record<string, Leader[]> = {
	literacy: [{ name: 'Angela Torres', title: 'Assistant Superintendent, Educational Services' }],
	math: [
		{ name: 'David Kim', title: 'Director of Secondary Education' },
		{ name: 'Priya Raman', title: 'Director of Mathematics', fromLast: 0 }
	],
	attendance: [{ name: 'Luis Herrera', title: 'Director of Student Services' }],
	graduation: [{ name: 'Karen Whitaker', title: 'Assistant Superintendent, Secondary Education' }]
};

const superintendents: Leader[] = [
	{ name: 'Dr. Elena Ruiz', title: 'Superintendent' },
	{ name: 'Dr. Marcus Bell', title: 'Superintendent', fromLast: 2 }
];

/** The sponsor each priority shows today ("name, title"). */
export function currentSponsors(context: Context): Map<string, string> {
	void context;
	const sponsors = new Map<string, string>();
	for (const [key, leaders] of Object.entries(sponsorPlans)) {
		const current = leaders[leaders.length - 1];
		sponsors.set(key, `${current.name}, ${current.title}`);
	}
	return sponsors;
}

interface Tenure {
	leader: Leader;
	startedOn: string;
	endedOn: string | null;
}

/** Consecutive tenures: each successor starts on 1 July, the predecessor leaves the day before. */
function tenures(
	context: Context,
	leaders: Leader[],
	firstStart: string,
	lastEnd: string | null
): Tenure[] {
	return leaders.map((leader, index) => {
		const next = leaders[index + 1];
		const startedOn =
			index === 0
				? firstStart
				: `${Math.max(context.firstYear + 1, context.lastYear - (leader.fromLast ?? 0))}-07-01`;
		const endedOn = next
			? `${Math.max(context.firstYear + 1, context.lastYear - (next.fromLast ?? 0))}-06-30`
			: lastEnd;
		return { leader, startedOn, endedOn };
	});
}

function leaderOn(list: Tenure[], date: string): Leader {
	return (
		list.find((t) => t.startedOn <= date && (t.endedOn === null || date <= t.endedOn)) ?? list[0]
	).leader;
}

function sponsorTenures(context: Context, key: string): Tenure[] {
	const { adopted, last } = context.priorityYears.get(key)!;
	const completed = last < context.lastYear;
	return tenures(
		context,
		sponsorPlans[key],
		adoptedOn(adopted),
		completed ? `${last + 1}-06-30` : null
	);
}

function superintendentTenures(context: Context): Tenure[] {
	return tenures(context, superintendents, `${context.firstYear - 4}-07-01`, null);
}

export function addLeaders(context: Context): void {
	const { random } = context;
	const insert = inserter(context.db, 'leader_tenure', [
		'role',
		'person_name',
		'school_id',
		'priority_id',
		'started_on',
		'ended_on',
		'created_at'
	]);
	for (const t of superintendentTenures(context)) {
		insert('superintendent', t.leader.name, null, null, t.startedOn, t.endedOn, context.stamp);
	}
	for (const key of Object.keys(sponsorPlans)) {
		for (const t of sponsorTenures(context, key)) {
			insert(
				'sponsor',
				t.leader.name,
				null,
				context.priorityIds.get(key)!,
				t.startedOn,
				t.endedOn,
				context.stamp
			);
		}
	}
	for (const school of context.schools) {
		school.principalStarts.forEach((start, index) => {
			const next = school.principalStarts[index + 1];
			const ended = next
				? `${next}-06-30`
				: school.open
					? null
					: `${school.lastOpenYear + 1}-06-30`;
			const title = random.chance(0.25) ? 'Dr. ' : '';
			const name = `${title}${random.pick(givenNames)} ${random.pick(familyNames)}`;
			insert('principal', name, school.id, null, `${start}-07-01`, ended, context.stamp);
		});
	}
}

/**
 * Senior leaders' visits, walkthroughs and presentations for each priority over the years. The
 * math priority's new sponsor has none in the last 90 days, so "possibly delegated downward" fires.
 */
export function addEngagements(context: Context): void {
	const { random } = context;
	const schools = openSchools(context);
	const chiefs = superintendentTenures(context);
	const quietSince = addDays(context.today, -100);
	const rows: (string | number | null)[][] = [];
	for (const key of Object.keys(sponsorPlans)) {
		const { adopted, last } = context.priorityYears.get(key)!;
		const sponsors = sponsorTenures(context, key);
		for (let year = adopted; year <= last; year++) {
			const from = `${year}-08-20`;
			const span = daysBetween(from, `${year + 1}-06-10`);
			const count = random.int(5, 9);
			for (let i = 0; i < count; i++) {
				const occurredOn = addDays(from, random.int(0, span));
				if (occurredOn >= context.today) continue;
				if (key === 'math' && occurredOn > quietSince) continue;
				const leader = random.chance(0.3)
					? leaderOn(chiefs, occurredOn)
					: leaderOn(sponsors, occurredOn);
				const kind = random.pick(engagementKinds);
				const atSchool = kind === 'site visit' || kind === 'walkthrough';
				const schoolId = atSchool ? random.pick(schools).id : null;
				rows.push([
					context.priorityIds.get(key)!,
					leader.name,
					leader.title,
					kind,
					occurredOn,
					schoolId,
					random.pick(engagementNotes)
				]);
			}
		}
		if (last === context.lastYear && key !== 'math') {
			const leader = leaderOn(sponsors, context.today);
			rows.push([
				context.priorityIds.get(key)!,
				leader.name,
				leader.title,
				'site visit',
				addDays(context.today, -9),
				random.pick(schools).id,
				engagementNotes[0]
			]);
		}
	}
	rows.sort((a, b) => String(a[4]).localeCompare(String(b[4])) || Number(a[0]) - Number(b[0]));
	const insert = inserter(context.db, 'engagement', [
		'priority_id',
		'leader_name',
		'leader_role',
		'kind',
		'occurred_on',
		'school_id',
		'note',
		'created_at'
	]);
	for (const row of rows) insert(...row, `${row[4]}T22:00:00.000Z`);
}
