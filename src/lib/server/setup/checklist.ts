// The setup checklist: each step of bringing a new district to its first board meeting, done or
// not as the data says (never a box someone ticks), with what is missing and where to do it.

import type { DbFile } from '../db/open.ts';

export interface SetupStep {
	key: string;
	title: string;
	done: boolean;
	/** What is still missing, in plain words; empty when done. */
	missing: string[];
	links: { href: string; label: string }[];
}

function count(db: DbFile, sql: string): number {
	return (db.$client.prepare(sql).pluck().get() as number) ?? 0;
}

export function setupChecklist(db: DbFile): SetupStep[] {
	const d = db.$client
		.prepare('select name, cds_code as cds, priority_cap as cap from district order by id limit 1')
		.get() as { name: string; cds: string; cap: number } | undefined;
	const years = count(db, 'select count(*) from school_year');
	const openSchools = count(
		db,
		"select count(*) from school where status = 'open' and excluded = 0"
	);
	const results = count(db, 'select count(*) from result');
	const active = count(db, "select count(*) from priority where status = 'active'");
	const notDoing = count(db, 'select count(*) from not_doing_item');
	const withoutMeasure = count(
		db,
		`select count(*) from priority p where p.status = 'active' and not exists (
			select 1 from measure m where m.priority_id = p.id and m.baseline_value is not null
			and exists (select 1 from measure_target t where t.measure_id = m.id))`
	);
	const structures = count(db, 'select count(*) from structure');
	const linkedStructures = count(db, 'select count(distinct structure_id) from structure_priority');
	const linkedPolicies = count(db, 'select count(distinct policy_id) from policy_structure');
	const checkIns = count(db, 'select count(*) from check_in');
	const superintendent = count(
		db,
		"select count(*) from leader_tenure where role = 'superintendent'"
	);
	const meetings = count(db, 'select count(*) from board_meeting');

	const step = (
		key: string,
		title: string,
		missing: (string | false)[],
		links: SetupStep['links']
	): SetupStep => {
		const m = missing.filter((x): x is string => !!x);
		return { key, title, done: m.length === 0, missing: m, links };
	};

	return [
		step(
			'district',
			'District and school years',
			[!d && 'The district has no name or CDS code yet.', years === 0 && 'No school years yet.'],
			[{ href: '/admin/settings', label: 'Admin → Settings' }]
		),
		step(
			'schools',
			'Schools',
			[
				openSchools === 0 && 'No open school yet: import the state’s directory or add them by hand.'
			],
			[
				{ href: '/manage/imports', label: 'Import the state’s school directory' },
				{ href: '/manage/schools', label: 'Add or edit schools' }
			]
		),
		step(
			'dashboard',
			'The state’s Dashboard files',
			[results === 0 && 'No results imported yet.'],
			[{ href: '/manage/imports', label: 'Import Dashboard files' }]
		),
		step(
			'priorities',
			'Priorities and the not-doing list',
			[
				active === 0 && 'No active priority yet.',
				!!d && active > d.cap && `${active} active priorities, over the board’s cap of ${d.cap}.`,
				notDoing === 0 && 'The not-doing list is empty: record what the board decided not to do.'
			],
			[
				{ href: '/manage/priorities', label: 'Priorities' },
				{ href: '/manage/not-doing', label: 'Not doing' }
			]
		),
		step(
			'measures',
			'Measures with baselines and targets',
			[
				active === 0 && 'No active priority to measure yet.',
				withoutMeasure > 0 &&
					`${withoutMeasure} active ${withoutMeasure === 1 ? 'priority has' : 'priorities have'} no measure with a baseline and targets.`
			],
			[{ href: '/manage/measures', label: 'Measures' }]
		),
		step(
			'throughline',
			'Structures, policies and their links',
			[
				structures === 0 && 'No structure yet.',
				structures > 0 && linkedStructures === 0 && 'No structure carries a priority yet.',
				linkedPolicies === 0 && 'No board policy establishes a structure yet.'
			],
			[
				{ href: '/manage/structures', label: 'Structures' },
				{ href: '/manage/policies', label: 'Policies' }
			]
		),
		step(
			'check-ins',
			'Implementation check-ins',
			[checkIns === 0 && 'No school has a check-in yet.'],
			[{ href: '/manage/check-ins', label: 'Check-ins' }]
		),
		step(
			'leaders',
			'Leaders',
			[superintendent === 0 && 'No superintendent recorded yet.'],
			[{ href: '/manage/leadership', label: 'Leaders & engagement' }]
		),
		step(
			'meeting',
			'The first board meeting',
			[meetings === 0 && 'No board meeting yet.'],
			[{ href: '/manage/meetings', label: 'Meetings & updates' }]
		)
	];
}

export const setupComplete = (steps: SetupStep[]) => steps.every((s) => s.done);
