import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { demoOptions, generateDistrict, seedDemo } from './index.ts';

const authTables = ['user', 'session', 'account', 'verification', 'sign_in_failure', 'two_factor'];

function tables(db: DbFile): string[] {
	return (
		db.$client
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name"
			)
			.all() as { name: string }[]
	).map((row) => row.name);
}

/** A checksum of every row of every table, in rowid order. */
function checksums(db: DbFile): Record<string, string> {
	const sums: Record<string, string> = {};
	for (const table of tables(db)) {
		const rows = db.$client.prepare(`select * from "${table}" order by rowid`).all();
		sums[table] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
	}
	return sums;
}

function count(db: DbFile, sql: string, ...params: unknown[]): number {
	return Number(Object.values(db.$client.prepare(sql).get(...params) as object)[0]);
}

describe('the demo district', () => {
	let db: DbFile;
	beforeAll(async () => {
		db = testDb();
		await seedDemo(db);
	}, 60_000);

	it('is the same on every run, and a different seed gives a different district', async () => {
		const again = testDb();
		await seedDemo(again);
		expect(checksums(again)).toEqual(checksums(db));
		const other = testDb();
		generateDistrict(other, { ...demoOptions, seed: demoOptions.seed + 1 });
		expect(checksums(other).result).not.toEqual(checksums(db).result);
	}, 60_000);

	it('fills every table but the sign-in tables, and keeps its foreign keys', () => {
		// A logo is an administrator's upload: the fictional district has none.
		const optional = ['district_logo'];
		for (const table of tables(db)) {
			const rows = count(db, `select count(*) from "${table}"`);
			if (optional.includes(table)) continue;
			// People's tables: the seed makes no accounts, so it queues no notices either.
			if (authTables.includes(table) || table.startsWith('notice')) expect(rows, table).toBe(0);
			else expect(rows, table).toBeGreaterThan(0);
		}
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(count(db, "select count(*) from audit_log where note = 'demo seed'")).toBe(1);
		// Its published demo accounts sign in by password: no authenticator app required.
		expect(count(db, 'select count(*) from district where mfa_required = 0')).toBe(1);
	});

	it('is Sample Valley Unified, six years to 2024-25, with 30+ schools of every type', () => {
		const district = db.$client
			.prepare(
				'select d.name, d.cds_code, y.label from district d join school_year y on y.id = d.current_school_year_id'
			)
			.get() as { name: string; cds_code: string; label: string };
		expect(district).toEqual({
			name: 'Sample Valley Unified',
			cds_code: '99999990000000',
			label: '2024-25'
		});
		expect(
			db.$client.prepare('select label from school_year order by start_year').pluck().all()
		).toEqual(['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25']);
		expect(count(db, 'select count(*) from school')).toBeGreaterThanOrEqual(30);
		for (const type of ['elementary', 'middle', 'high', 'continuation']) {
			expect(count(db, 'select count(*) from school where type = ?', type), type).toBeGreaterThan(
				0
			);
		}
		expect(count(db, "select count(*) from school where type = 'continuation'")).toBe(1);
		expect(count(db, "select count(*) from school where status = 'closed'")).toBe(1);
		expect(
			count(
				db,
				"select count(*) from school where substr(cds_code, 1, 7) <> '9999999' or length(cds_code) <> 14"
			)
		).toBe(0);
		expect(count(db, 'select count(*) from student_group where name_es is null')).toBe(0);
	});

	it('has three active priorities and one completed, each with 2–4 measures, one headline, targets', () => {
		expect(count(db, "select count(*) from priority where status = 'active'")).toBe(3);
		expect(count(db, "select count(*) from priority where status = 'completed'")).toBe(1);
		const perPriority = db.$client
			.prepare(
				"select p.slug, count(m.id) measures, sum(m.headline) headlines, sum(m.baseline_value is null) missing, sum(m.direction = 'lower') lower from priority p join measure m on m.priority_id = p.id group by p.id"
			)
			.all() as { measures: number; headlines: number; missing: number; lower: number }[];
		for (const row of perPriority) {
			expect(row.measures).toBeGreaterThanOrEqual(2);
			expect(row.measures).toBeLessThanOrEqual(4);
			expect(row.headlines).toBe(1);
			expect(row.missing).toBe(0);
		}
		expect(perPriority.some((row) => row.lower > 0)).toBe(true);
		expect(count(db, 'select count(distinct kind) from measure')).toBe(2);
		expect(
			count(
				db,
				// Every priority's measure (the state's college/career indicator, which no priority of the
				// demo measures, has none: accountability's unaddressed Red).
				'select count(*) from measure m where m.priority_id is not null and not exists (select 1 from measure_target t where t.measure_id = m.id)'
			)
		).toBe(0);
		expect(count(db, 'select count(*) from not_doing_item')).toBe(3);
	});

	it('has results per school and student group, some groups under 11 students', () => {
		expect(
			count(db, "select count(distinct student_group) from result where student_group <> 'ALL'")
		).toBeGreaterThanOrEqual(6);
		expect(
			count(db, 'select count(*) from result where school_id is not null and n < 11')
		).toBeGreaterThan(0);
		expect(
			count(db, "select count(*) from result where school_id is null and student_group = 'ALL'")
		).toBeGreaterThan(0);
		// Some schools improve on ELA from the first to the last year, some do not.
		const changes = db.$client
			.prepare(
				"select (select value from result where measure_id = m.id and school_id = s.id and student_group = 'ALL' and school_year_id = 6) - (select value from result where measure_id = m.id and school_id = s.id and student_group = 'ALL' and school_year_id = 1) change from school s, measure m where m.code = 'ela' and s.status = 'open'"
			)
			.pluck()
			.all() as number[];
		expect(changes.filter((c) => c > 10).length).toBeGreaterThan(3);
		expect(changes.filter((c) => c < 3).length).toBeGreaterThan(3);
	});

	it('has 8–12 structures, and the gaps the signals look for', () => {
		const structures = count(db, 'select count(*) from structure');
		expect(structures).toBeGreaterThanOrEqual(8);
		expect(structures).toBeLessThanOrEqual(12);
		for (const [column, values] of [
			['authority', 2],
			['origin', 2],
			['category', 7]
		] as const) {
			expect(count(db, `select count(distinct ${column}) from structure`), column).toBe(values);
		}
		const influenceOnly = count(
			db,
			"select count(*) from priority p where p.status = 'active' and not exists (select 1 from structure_priority sp join structure s on s.id = sp.structure_id where sp.priority_id = p.id and s.authority = 'required')"
		);
		expect(influenceOnly).toBe(1);
		expect(
			count(
				db,
				'select count(*) from policy p where not exists (select 1 from policy_structure ps where ps.policy_id = p.id)'
			)
		).toBe(1);
		expect(
			count(
				db,
				"select count(*) from policy where kind = 'BP' and number = '6000' and title = 'Concepts and Roles'"
			)
		).toBe(1);
	});

	it('has check-ins for every open school, structure and year since it started, with variation', () => {
		const expected = count(
			db,
			"select sum(6 - s.start_year_id + 1) * (select count(*) from school where status = 'open') from structure s"
		);
		expect(count(db, 'select count(*) from check_in')).toBe(expected);
		expect(count(db, 'select count(distinct depth) from check_in')).toBe(5);
		expect(count(db, 'select count(*) from check_in where adaptation is not null')).toBeGreaterThan(
			0
		);
		expect(count(db, 'select count(*) from check_in where site_led = 1')).toBeGreaterThan(0);
	});

	it('has leadership turnover and one priority with no senior-leader engagement in 90 days', () => {
		expect(count(db, "select count(*) from leader_tenure where role = 'superintendent'")).toBe(2);
		expect(
			count(
				db,
				"select count(*) from leader_tenure where role = 'sponsor' and started_on = '2024-07-01'"
			)
		).toBe(1);
		expect(
			count(
				db,
				"select count(*) from leader_tenure where role = 'principal' and started_on >= '2020-07-01'"
			)
		).toBeGreaterThan(3);
		const quiet = count(
			db,
			"select count(*) from priority p where p.status = 'active' and not exists (select 1 from engagement e where e.priority_id = p.id and e.occurred_on > '2025-03-17')"
		);
		expect(quiet).toBe(1);
		expect(count(db, "select count(*) from engagement where occurred_on > '2025-06-15'")).toBe(0);
	});

	it('has about ten board meetings a year, updates in every state, and open loops', () => {
		const perYear = db.$client
			.prepare('select count(*) from board_meeting group by substr(held_on, 1, 4) order by 1')
			.pluck()
			.all() as number[];
		expect(Math.max(...perYear)).toBeLessThanOrEqual(13);
		expect(count(db, 'select count(distinct kind) from board_meeting')).toBe(3);
		expect(
			count(db, "select count(*) from progress_update_version where state = 'draft'")
		).toBeGreaterThanOrEqual(1);
		expect(
			count(db, "select count(*) from progress_update_version where state = 'shared'")
		).toBeGreaterThanOrEqual(1);
		expect(
			count(
				db,
				"select count(*) from progress_update_version v where v.state = 'draft' and exists (select 1 from progress_update_version p where p.update_id = v.update_id and p.state = 'published' and p.version < v.version)"
			)
		).toBe(1);
		expect(
			count(
				db,
				"select count(*) from progress_update_version where state = 'published' and (published_at is null or summary_es is null)"
			)
		).toBe(0);
		expect(
			count(
				db,
				"select count(*) from board_question where answer is null and asked_at < '2025-06-01'"
			)
		).toBe(1);
		expect(
			count(db, 'select count(*) from board_question where answer is not null')
		).toBeGreaterThan(1);
		expect(
			count(
				db,
				"select count(*) from feedback where response is null and reported_on < '2025-05-16'"
			)
		).toBeGreaterThanOrEqual(2);
		expect(count(db, 'select count(*) from feedback where response is not null')).toBeGreaterThan(
			count(db, 'select count(*) from feedback') / 2
		);
		expect(
			count(
				db,
				"select count(*) from monitoring_due d join board_meeting m on m.id = d.meeting_id where m.held_on between '2024-07-01' and '2025-06-30'"
			)
		).toBeGreaterThan(3);
		// A few schools carry more than the limit of four active initiatives.
		expect(
			count(
				db,
				'select count(*) from (select s.school_id from initiative_school s join initiative i on i.id = s.initiative_id where i.active = 1 group by s.school_id having count(*) > 4)'
			)
		).toBeGreaterThanOrEqual(3);
	});
});

describe('generateDistrict', () => {
	it('builds a district of any size: 50 schools over 10 years', () => {
		const db = testDb();
		generateDistrict(db, { seed: 7, schools: 50, years: 10 });
		expect(count(db, 'select count(*) from school')).toBe(50);
		expect(
			db.$client.prepare('select label from school_year order by start_year').pluck().all()
		).toHaveLength(10);
		expect(count(db, 'select min(start_year) from school_year')).toBe(2015);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(count(db, 'select count(*) from result')).toBeGreaterThan(40_000);
	}, 60_000);
});
