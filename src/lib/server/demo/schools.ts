/** The district row, its school years, the state's student groups, and its schools. */
import { type SchoolType } from '../../choices.ts';
import { groupProfiles, studentGroupCatalog } from './catalog.ts';
import { clamp, inserter, type Context, type DemoSchool } from './context.ts';
import { yearLabel } from './dates.ts';
import { honoreeNames, placeFirstWords, placeSecondWords } from './names.ts';

export const DISTRICT_CDS = '99999990000000';

export function addSchoolYears(context: Context): void {
	const insert = inserter(context.db, 'school_year', ['label', 'start_year']);
	for (let year = context.firstYear; year <= context.lastYear; year++) {
		context.yearIds.set(year, insert(yearLabel(year), year));
	}
}

export function addDistrict(context: Context, dataUpdatedAt: string): void {
	inserter(context.db, 'district', [
		'id',
		'name',
		'cds_code',
		'current_school_year_id',
		'data_updated_at',
		'mfa_required'
	])(
		1,
		'Sample Valley Unified',
		DISTRICT_CDS,
		context.yearIds.get(context.lastYear)!,
		dataUpdatedAt,
		// The demo's published accounts sign in with their password alone (Admin → Settings says so);
		// a real district requires an authenticator app of admin, superintendent and staff.
		0
	);
}

export function addStudentGroups(context: Context): void {
	const insert = inserter(context.db, 'student_group', ['code', 'name', 'name_es', 'sort_order']);
	studentGroupCatalog.forEach((group, index) =>
		insert(group.code, group.name, group.nameEs, index)
	);
}

interface SchoolShape {
	type: SchoolType;
	suffix: string;
	spans: readonly string[];
	enrollment: [number, number];
}

const shapes: Record<string, SchoolShape> = {
	elementary: {
		type: 'elementary',
		suffix: 'Elementary',
		spans: ['TK-5', 'K-5', 'TK-5', 'K-6'],
		enrollment: [320, 680]
	},
	middle: { type: 'middle', suffix: 'Middle School', spans: ['6-8'], enrollment: [620, 1050] },
	high: { type: 'high', suffix: 'High School', spans: ['9-12'], enrollment: [1300, 2300] },
	k8: { type: 'k-8', suffix: 'K-8 School', spans: ['TK-8', 'K-8'], enrollment: [480, 820] },
	continuation: {
		type: 'continuation',
		suffix: 'Continuation High School',
		spans: ['10-12'],
		enrollment: [90, 170]
	}
};

/** How many schools of each type a district of `total` schools has. */
export function schoolMix(total: number): { shape: SchoolShape; count: number }[] {
	const continuation = Math.max(1, Math.round(total / 40));
	const high = Math.max(1, Math.round(total * 0.12));
	const middle = Math.max(1, Math.round(total * 0.2));
	const k8 = total >= 20 ? Math.max(1, Math.round(total * 0.03)) : 0;
	const elementary = Math.max(1, total - continuation - high - middle - k8);
	return [
		{ shape: shapes.elementary, count: elementary },
		{ shape: shapes.k8, count: k8 },
		{ shape: shapes.middle, count: middle },
		{ shape: shapes.high, count: high },
		{ shape: shapes.continuation, count: continuation }
	];
}

/** Unique school name stems: people the district honors, then place names. */
function nameStems(context: Context, count: number): string[] {
	const places: string[] = [];
	for (const first of placeFirstWords)
		for (const second of placeSecondWords) places.push(`${first} ${second}`);
	const honorees = context.random.shuffle(honoreeNames).slice(0, Math.ceil(count / 4));
	const stems = [...honorees, ...context.random.shuffle(places)];
	const mixed = context.random.shuffle(stems.slice(0, Math.min(count, stems.length)));
	for (let i = mixed.length; i < count; i++)
		mixed.push(`${stems[i % stems.length]} ${Math.floor(i / stems.length) + 1}`);
	return mixed;
}

function groupShares(context: Context, sed: number): Record<string, number> {
	const shares: Record<string, number> = {};
	for (const [code, profile] of Object.entries(groupProfiles)) {
		shares[code] = clamp(profile.share * Math.exp(context.random.normal(0, 0.35)), 0, 0.95);
	}
	shares.SED = sed;
	shares.EL = clamp(shares.EL * (0.5 + sed), 0.01, 0.8);
	shares.ELO = shares.EL * 0.9;
	shares.EO = clamp(1 - shares.EL - shares.RFP - 0.05, 0.05, 0.95);
	return shares;
}

function principalStarts(context: Context, lastOpenYear: number): number[] {
	const starts = [context.firstYear - context.random.int(0, 6)];
	for (let year = context.firstYear + 1; year <= lastOpenYear; year++) {
		if (year - starts[starts.length - 1] >= 2 && context.random.chance(0.16)) starts.push(year);
	}
	return starts;
}

export function addSchools(context: Context, total: number): void {
	const { random } = context;
	const mix = schoolMix(total);
	const stems = nameStems(context, total);
	const closedCount = Math.max(1, Math.round(total / 60));
	const insert = inserter(context.db, 'school', [
		'cds_code',
		'name',
		'type',
		'grade_span',
		'status',
		'opened_on',
		'closed_on',
		'charter'
	]);
	let index = 0;
	let closedSoFar = 0;
	const closedYear = Math.max(context.firstYear + 1, context.lastYear - 2);
	for (const { shape, count } of mix) {
		for (let i = 0; i < count; i++, index++) {
			const isFirstHigh = shape.type === 'high' && i === 0;
			const name = isFirstHigh ? 'Sample Valley High School' : `${stems[index]} ${shape.suffix}`;
			const closed = shape.type === 'elementary' && closedSoFar < closedCount && i % 17 === 5;
			if (closed) closedSoFar++;
			const cds = DISTRICT_CDS.slice(0, 7) + String(6000000 + (index + 1) * 137).padStart(7, '0');
			const openedOn = `${random.int(1952, 2008)}-08-${String(random.int(15, 31)).padStart(2, '0')}`;
			const closedOn = closed ? `${closedYear}-06-30` : null;
			const id = insert(
				cds,
				name,
				shape.type,
				random.pick(shape.spans),
				closed ? 'closed' : 'open',
				openedOn,
				closedOn,
				0
			);
			const sed = clamp(0.62 + random.normal(0, 0.18), 0.08, 0.97);
			const momentum = random.normal(0, 1);
			const lastOpenYear = closed ? closedYear - 1 : context.lastYear;
			context.schools.push({
				id,
				name,
				type: shape.type,
				open: !closed,
				lastOpenYear,
				enrollment: random.int(shape.enrollment[0], shape.enrollment[1]),
				level:
					-2.2 * (sed - 0.62) + random.normal(0, 0.45) - (shape.type === 'continuation' ? 3.5 : 0),
				momentum,
				profile: momentum > 0.35 ? 'improving' : momentum < -0.6 ? 'stalled' : 'steady',
				shares: groupShares(context, sed),
				principalStarts: principalStarts(context, lastOpenYear)
			});
		}
	}
	// Sample Valley High School was once listed twice (a Dashboard file's code and its directory
	// entry) and merged: the former code reaches it. No random draw, so the rest stays as it was.
	const high = context.schools.find((x) => x.name === 'Sample Valley High School');
	if (high) {
		context.db.$client
			.prepare('insert into school_cds_alias (cds_code, school_id) values (?, ?)')
			.run(DISTRICT_CDS.slice(0, 7) + '6999999', high.id);
	}
}

export function openSchools(context: Context): DemoSchool[] {
	return context.schools.filter((school) => school.open);
}

/** Census enrollment of each open school for the last year: context for the school pages. */
export function addEnrollment(context: Context): void {
	const insert = inserter(context.db, 'enrollment', [
		'school_year_id',
		'school_id',
		'student_group',
		'students',
		'share',
		'updated_at'
	]);
	const yearId = context.yearIds.get(context.lastYear)!;
	const races = ['AA', 'AI', 'AS', 'FI', 'HI', 'PI', 'WH', 'MR'];
	for (const school of openSchools(context)) {
		insert(yearId, school.id, 'ALL', school.enrollment, 100, context.stamp);
		// Each student has one race or ethnicity: those shares add up to the whole school.
		const raceTotal = races.reduce((sum, code) => sum + (school.shares[code] ?? 0), 0);
		for (const [code, raw] of Object.entries(school.shares)) {
			const share = races.includes(code) ? raw / raceTotal : raw;
			const pct = Math.round(share * 1000) / 10;
			insert(yearId, school.id, code, Math.round(school.enrollment * share), pct, context.stamp);
		}
	}
}
