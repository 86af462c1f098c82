import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { auditLog } from '../db/schema/audit.ts';
import { schoolYears } from '../db/schema/district.ts';
import { priorities } from '../db/schema/priorities.ts';
import { policyStructures } from '../db/schema/structures.ts';
import { createPriority, deletePriority, updatePriority } from './priorities.ts';
import { createPolicy } from './policies.ts';
import { createMeasure, getMeasure, updateMeasure } from './measures.ts';
import {
	createStructure,
	linkPolicy,
	setStructurePriorities,
	structureLinks,
	unlinkPolicy
} from './structures.ts';
import { carriersOfPriority } from './carriers.ts';
import { throughlineGraph } from './map.ts';
import { pathsThrough } from '../../throughline/paths.ts';

const actor = { id: 'u1', email: 'staff@example.org' };
const priority = {
	title: 'Reading by grade 3',
	slug: 'reading',
	status: 'active',
	description: '',
	sortOrder: '1'
};

describe('editing the throughline', () => {
	it('creates a priority and records it; refuses a duplicate slug and saves nothing', () => {
		const db = testDb();
		const first = createPriority(db, actor, priority);
		expect(first.ok).toBe(true);
		const again = createPriority(db, actor, { ...priority, title: 'Other' });
		expect(again).toEqual({
			ok: false,
			errors: { slug: ['Another priority already uses this slug.'] }
		});
		expect(db.select().from(priorities).all()).toHaveLength(1);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['create']);
	});

	it('makes the slug from the title when it is left blank, and still checks it', () => {
		const db = testDb();
		const made = createPriority(db, actor, {
			...priority,
			slug: '',
			title: 'Matemáticas: Grade 8'
		});
		expect(made.ok).toBe(true);
		expect(db.select().from(priorities).all()[0].slug).toBe('matematicas-grade-8');
		const again = createPriority(db, actor, {
			...priority,
			slug: ' ',
			title: 'Matemáticas Grade 8'
		});
		expect(again).toMatchObject({
			ok: false,
			errors: { slug: ['Another priority already uses this slug.'] }
		});
	});

	it('rejects empty, too long and malformed values with a message per field', () => {
		const db = testDb();
		const r = createPriority(db, actor, {
			title: '',
			slug: 'Not A Slug',
			status: 'paused',
			adoptedOn: '2025-02-30',
			titleEs: 'x'.repeat(201)
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.errors).sort()).toEqual([
			'adoptedOn',
			'slug',
			'status',
			'title',
			'titleEs'
		]);
		expect(db.select().from(priorities).all()).toHaveLength(0);
	});

	it('updates and deletes with before and after in the audit trail', () => {
		const db = testDb();
		const r = createPriority(db, actor, priority);
		if (!r.ok) throw new Error('not created');
		expect(updatePriority(db, actor, r.id, { ...priority, title: 'Readers by 3' }).ok).toBe(true);
		expect(deletePriority(db, actor, r.id)).toBe(true);
		const log = db.select().from(auditLog).all();
		expect(log.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
		expect((log[1].before as { title: string }).title).toBe('Reading by grade 3');
		expect((log[1].after as { title: string }).title).toBe('Readers by 3');
	});

	it('refuses a duplicate policy number of the same kind', () => {
		const db = testDb();
		const p = { kind: 'BP', number: '6000', title: 'Concepts and Roles' };
		expect(createPolicy(db, actor, p).ok).toBe(true);
		expect(createPolicy(db, actor, p)).toMatchObject({
			ok: false,
			errors: { number: expect.any(Array) }
		});
		expect(createPolicy(db, actor, { ...p, kind: 'AR' }).ok).toBe(true);
		expect(createPolicy(db, actor, { ...p, number: '60' })).toMatchObject({ ok: false });
	});

	it('takes targets for every year of the plan, with or without a row yet, and refuses others', () => {
		process.env.THROUGHLINE_TODAY = '2025-06-15'; // the current year is 2024-25
		try {
			const db = testDb();
			db.insert(schoolYears).values({ id: 7, label: '2025-26', startYear: 2025 }).run();
			const m = {
				name: 'Grade 3 reading',
				code: 'g3-reading',
				unit: 'percent',
				direction: 'higher',
				kind: 'outcome',
				targetYear: ['2025-26', '', '2029-30'],
				targetValue: ['55', '', '70']
			};
			const bad = createMeasure(db, actor, { ...m, targetYear: ['2030-31'], targetValue: ['70'] });
			expect(bad.ok).toBe(false);
			if (!bad.ok)
				expect(bad.errors['targets.0'][0]).toBe(
					'2030-31 is outside the plan: targets run from 2024-25 to 2029-30 (the baseline to five years ahead).'
				);
			const typo = createMeasure(db, actor, { ...m, targetYear: ['2025-27'], targetValue: ['70'] });
			if (!typo.ok) expect(typo.errors['targets.0'][0]).toContain('not a school year');
			const good = createMeasure(db, actor, m);
			if (!good.ok) throw new Error(JSON.stringify(good.errors));
			expect(getMeasure(db, good.id)?.targets).toMatchObject([
				{ schoolYearId: 7, label: '2025-26', value: 55 },
				{ label: '2029-30', value: 70 }
			]);
		} finally {
			delete process.env.THROUGHLINE_TODAY;
		}
	});

	it('plans an imported measure without a baseline from its first result', () => {
		process.env.THROUGHLINE_TODAY = '2026-12-01'; // the current year is 2026-27
		try {
			const db = testDb();
			const m = { name: 'ELA', code: 'ela', unit: 'points', direction: 'higher', kind: 'outcome' };
			const made = createMeasure(db, actor, m);
			if (!made.ok) throw new Error(JSON.stringify(made.errors));
			db.insert(schoolYears).values({ id: 40, label: '2021-22', startYear: 2021 }).run();
			db.$client
				.prepare(
					"INSERT INTO student_group (code, name) VALUES ('ALL', 'All students') ON CONFLICT DO NOTHING"
				)
				.run();
			db.$client
				.prepare(
					"INSERT INTO result (measure_id, school_year_id, student_group, value) VALUES (?, 40, 'ALL', -34.1)"
				)
				.run(made.id);
			const targets = { targetYear: ['2023-24', '2026-27'], targetValue: ['-30', '-15'] };
			const saved = updateMeasure(db, actor, made.id, { ...m, ...targets });
			if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
			expect(getMeasure(db, made.id)?.targets.map((t) => t.label)).toEqual(['2023-24', '2026-27']);
			const early = updateMeasure(db, actor, made.id, {
				...m,
				targetYear: ['2020-21'],
				targetValue: ['-40']
			});
			if (!early.ok) expect(early.errors['targets.0'][0]).toContain('from 2021-22 to 2031-32');
			expect(early.ok).toBe(false);
		} finally {
			delete process.env.THROUGHLINE_TODAY;
		}
	});

	it('links policies and priorities to a structure, and the public carriers show them', () => {
		const db = testDb();
		const pr = createPriority(db, actor, priority);
		const po = createPolicy(db, actor, {
			kind: 'BP',
			number: '6000',
			title: 'Concepts and Roles',
			url: 'https://example.org/bp6000'
		});
		const st = createStructure(db, actor, {
			name: 'Collaboration time',
			nameEs: 'Tiempo de colaboración',
			category: 'time',
			authority: 'required',
			origin: 'repurposed',
			description: 'Internal: union MOU pending'
		});
		if (!pr.ok || !po.ok || !st.ok) throw new Error('fixture');
		expect(
			linkPolicy(db, actor, st.id, { policyId: String(po.id), relation: 'establishes' }).ok
		).toBe(true);
		expect(linkPolicy(db, actor, st.id, { policyId: String(po.id), relation: 'funds' }).ok).toBe(
			true
		);
		expect(db.select().from(policyStructures).all()).toEqual([
			{ policyId: po.id, structureId: st.id, relation: 'funds' }
		]);
		expect(setStructurePriorities(db, actor, st.id, [pr.id]).ok).toBe(true);
		const carriers = carriersOfPriority(db, pr.id);
		expect(carriers).toEqual({
			structures: [
				{
					name: 'Collaboration time',
					nameEs: 'Tiempo de colaboración',
					category: 'time',
					authority: 'required',
					origin: 'repurposed',
					policies: [
						{
							kind: 'BP',
							number: '6000',
							title: 'Concepts and Roles',
							url: 'https://example.org/bp6000',
							relation: 'funds'
						}
					]
				}
			]
		});
		expect(JSON.stringify(carriers)).not.toContain('MOU');
		expect(unlinkPolicy(db, actor, st.id, po.id)).toBe(true);
		expect(structureLinks(db, st.id).policies).toEqual([]);
	});
});

describe('paths through the throughline', () => {
	it('highlight everything upstream and downstream of an item, and nothing else', () => {
		const db = testDb();
		const P = (slug: string) => createPriority(db, actor, { ...priority, slug, title: slug });
		const S = (name: string) =>
			createStructure(db, actor, { name, category: 'time', authority: 'required', origin: 'new' });
		const [a, b] = [P('a'), P('b')];
		const [s1, s2] = [S('s1'), S('s2')];
		const pol = createPolicy(db, actor, { kind: 'BP', number: '6000', title: 'T' });
		if (!a.ok || !b.ok || !s1.ok || !s2.ok || !pol.ok) throw new Error('fixture');
		linkPolicy(db, actor, s1.id, { policyId: String(pol.id), relation: 'requires' });
		setStructurePriorities(db, actor, s1.id, [a.id]);
		setStructurePriorities(db, actor, s2.id, [a.id, b.id]);
		const graph = throughlineGraph(db);
		// through s1: its policy, its priority a; not s2 (a sibling carrier) nor b
		expect([...pathsThrough(graph, `structure-${s1.id}`)].sort()).toEqual(
			[`policy-${pol.id}`, `priority-${a.id}`, `structure-${s1.id}`].sort()
		);
		// through b: only s2 carries it, and no policy stands behind s2
		expect([...pathsThrough(graph, `priority-${b.id}`)].sort()).toEqual(
			[`priority-${b.id}`, `structure-${s2.id}`].sort()
		);
	});
});
