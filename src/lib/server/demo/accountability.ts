// The demo's accountability: the state's Differentiated Assistance record for each Dashboard year,
// worked out from the demo's own colors by the state's rules (so the DA year its data shows is the
// one the record names), and the college/career indicator, which no priority of the demo measures,
// Red for students with disabilities on the latest Dashboard: a Red the board's priorities do not
// address.
import { daRules, determine } from '../accountability/rules.ts';
import { districtResultsByYear } from '../accountability/results.ts';
import { inserter, type Context } from './context.ts';

function addCollegeCareer(context: Context): void {
	const measureId = inserter(context.db, 'measure', [
		'code',
		'name',
		'name_es',
		'unit',
		'direction',
		'source',
		'sort_order',
		'created_at'
	])(
		'cci',
		'College/career: prepared',
		'Universidad/carrera: preparados',
		'percent',
		'higher',
		'California School Dashboard',
		100,
		context.stamp
	);
	context.measureIds.set('cci', measureId);
	const insert = inserter(context.db, 'result', [
		'measure_id',
		'school_year_id',
		'school_id',
		'student_group',
		'value',
		'n',
		'state_color',
		'status_level',
		'change_level',
		'updated_at'
	]);
	// All students steady near the state's middle; students with disabilities steady, then a fall on
	// the latest Dashboard: Red.
	for (let year = context.firstYear; year <= context.lastYear; year++) {
		const latest = year === context.lastYear;
		const step = (year - context.firstYear) * 0.4;
		const yearId = context.yearIds.get(year)!;
		const n = 1710 + (year - context.firstYear) * 8;
		insert(measureId, yearId, null, 'ALL', 44.2 + step, n, 3, 3, 3, context.stamp);
		insert(
			measureId,
			yearId,
			null,
			'SWD',
			latest ? 6.1 : 14.3 + step,
			212,
			latest ? 1 : 3,
			latest ? 1 : 2,
			latest ? 1 : 3,
			context.stamp
		);
	}
}

function addStateDetermination(context: Context): void {
	const status = inserter(context.db, 'state_assistance_status', [
		'year',
		'status',
		'with_groups',
		'source',
		'updated_at'
	]);
	const letter = inserter(context.db, 'state_assistance_group', [
		'year',
		'student_group',
		'letter',
		'source',
		'updated_at'
	]);
	for (const [year, rows] of districtResultsByYear(context.db)) {
		// The Dashboard and its determinations began in 2017.
		if (year < daRules[0].from) continue;
		const d = determine(year, rows);
		const source = `assistancestatus${String(year).slice(2)}.xlsx (demo)`;
		status(
			year,
			d.eligible ? 'Differentiated Assistance' : 'General Assistance',
			1,
			source,
			context.stamp
		);
		for (const g of d.groups) if (g.letter) letter(year, g.group, g.letter, source, context.stamp);
	}
}

/**
 * The state's ESSA record on the latest Dashboard: the open school furthest behind the district is
 * ATSI for students with disabilities; the others have no status.
 */
function addEssaStatus(context: Context): void {
	const insert = inserter(context.db, 'state_essa_status', [
		'year',
		'cds',
		'school_name',
		'status',
		'student_groups',
		'source',
		'updated_at'
	]);
	const year = context.lastYear + 1;
	const open = context.schools.filter((s) => s.open);
	const lowest = open.reduce((a, b) => (b.level < a.level ? b : a), open[0]);
	const cds = context.db.$client.prepare('select cds_code from school where id = ?').pluck();
	for (const s of open) {
		const atsi = s === lowest;
		insert(
			year,
			cds.get(s.id) as string,
			s.name,
			atsi ? 'ATSI' : 'No Status',
			atsi ? 'SWD' : '',
			`essaassistance${String(year).slice(2)}.xlsx (demo)`,
			context.stamp
		);
	}
}

export function addAccountability(context: Context): void {
	addCollegeCareer(context);
	addStateDetermination(context);
	addEssaStatus(context);
}
