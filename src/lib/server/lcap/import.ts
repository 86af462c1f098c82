// The LCAP import: the files read (read.ts) are checked against each other, the printed totals
// and the database, then written in one transaction with one audit entry, or not at all. Rows are
// matched by their number within the year, so a re-import changes nothing and keeps the links the
// board made (goal → priority, action → structure, metric → measure).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.ts';
import {
	boardMeetings,
	lcapActionCrosswalk,
	lcapActions,
	lcapAnnualUpdateRows,
	lcapCycles,
	lcapGoals,
	lcapMetricRows,
	lcapMetrics,
	lcapMidYearReports,
	lcapMidYearRows,
	lcapVersions
} from '../db/schema/index.ts';
import { write } from '../audit/write.ts';
import type { Actor } from '../audit/index.ts';
import { schoolYearLabel, schoolYearOf, startYearOfLabel } from '../../school-year.ts';
import { dollars } from './money.ts';
import { meetingFrozen } from './mid-year.ts';
import type { LcapProblem, ParsedLcap } from './read.ts';

export interface LcapImportOptions {
	/** The LCAP year the goals, actions, metrics and Annual Update belong to ("2025-26"). */
	year?: string | null;
	/** The three-year cycle ("2024-27"); by default the three years from `year`. */
	cycle?: string | null;
	adoptedOn?: string | null;
	adoptedMeetingId?: number | null;
	/** The totals typed from the printed Total Expenditures table. */
	printedTotalCents?: number | null;
	printedLcffCents?: number | null;
	dryRun?: boolean;
	/** The preview, before the printed totals are typed: they are checked at the confirmation. */
	skipPrintedCheck?: boolean;
}

export interface Counts {
	inserted: number;
	updated: number;
	unchanged: number;
	removed: number;
}

export interface LcapTotals {
	actions: number;
	totalCents: number;
	lcffCents: number;
	otherStateCents: number;
	localCents: number;
	federalCents: number;
	contributingCents: number;
	annualPlannedCents: number;
	annualActualCents: number;
	midYearBudgetCents: number;
	midYearSpentCents: number;
}

export interface LcapImportReport {
	files: ParsedLcap['files'];
	errors: LcapProblem[];
	quirks: ParsedLcap['quirks'];
	year: string | null;
	midYearYear: string | null;
	goals: number;
	metrics: number;
	metricRows: number;
	annualUpdateRows: number;
	midYearRows: number;
	totals: LcapTotals;
	counts: Record<string, Counts>;
	committed: boolean;
	auditId: number | null;
}

export function totalsOf(p: ParsedLcap): LcapTotals {
	const sum = <T>(rows: T[] | null | undefined, f: (r: T) => number | null) =>
		(rows ?? []).reduce((s, r) => s + (f(r) ?? 0), 0);
	return {
		actions: p.actions?.length ?? 0,
		totalCents: sum(p.actions, (a) => a.totalCents),
		lcffCents: sum(p.actions, (a) => a.lcffCents),
		otherStateCents: sum(p.actions, (a) => a.otherStateCents),
		localCents: sum(p.actions, (a) => a.localCents),
		federalCents: sum(p.actions, (a) => a.federalCents),
		contributingCents: sum(p.actions, (a) => (a.contributing ? a.totalCents : 0)),
		annualPlannedCents: sum(p.annualUpdate, (a) => a.plannedCents),
		annualActualCents: sum(p.annualUpdate, (a) => a.estimatedActualCents),
		midYearBudgetCents: sum(p.midYear?.rows, (r) => r.budgetCents),
		midYearSpentCents: sum(p.midYear?.rows, (r) => r.spentCents)
	};
}

class DryRun extends Error {}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Checks that need the options and the database; each refusal names its file and column. */
function checkOptions(db: Db, p: ParsedLcap, o: LcapImportOptions): LcapProblem[] {
	const problems: LcapProblem[] = [];
	const fileOf = (kind: string) => p.files.find((f) => f.kind === kind)?.name ?? '';
	const needsYear = !!(
		p.goals ||
		p.actions ||
		p.metrics ||
		p.metricRows ||
		p.annualUpdate ||
		p.crosswalk
	);
	const refuse = (file: string, column: string | null, value: string | null, reason: string) =>
		problems.push({ file, line: null, column, value, reason });
	if (needsYear && (!o.year || startYearOfLabel(o.year) === null)) {
		refuse('', 'LCAP year', o.year ?? '', 'give the LCAP’s year, e.g. 2025-26');
	}
	if (o.cycle && !/^\d{4}-\d{2}$/.test(o.cycle)) {
		refuse('', 'Cycle', o.cycle, 'give the three years as 2024-27');
	}
	if (o.adoptedOn && !isoDate.test(o.adoptedOn)) {
		refuse('', 'Adopted on', o.adoptedOn, 'is not a date (YYYY-MM-DD)');
	}
	if (o.adoptedMeetingId) {
		const m = db
			.select({ id: boardMeetings.id })
			.from(boardMeetings)
			.where(eq(boardMeetings.id, o.adoptedMeetingId))
			.get();
		if (!m) refuse('', 'Meeting', String(o.adoptedMeetingId), 'there is no such meeting');
	}
	if (p.actions && !o.skipPrintedCheck) {
		const t = totalsOf(p);
		if (o.printedTotalCents == null) {
			refuse(
				fileOf('actions'),
				'total_funds',
				null,
				'type the total of the printed Total Expenditures table, to check the actions against it'
			);
		} else if (o.printedTotalCents !== t.totalCents) {
			refuse(
				fileOf('actions'),
				'total_funds',
				dollars(o.printedTotalCents),
				`the actions add up to ${dollars(t.totalCents)}, not the printed total ${dollars(o.printedTotalCents)}`
			);
		}
		if (o.printedLcffCents != null && o.printedLcffCents !== t.lcffCents) {
			refuse(
				fileOf('actions'),
				'lcff_funds',
				dollars(o.printedLcffCents),
				`the actions’ LCFF funds add up to ${dollars(t.lcffCents)}, not the printed ${dollars(o.printedLcffCents)}`
			);
		}
	}
	// Actions and metrics of goals the database has for the year, when no goals file comes.
	if (!p.goals && o.year && (p.actions || p.metrics)) {
		const have = new Set(goalsOfYear(db, o.year).map((g) => g.number));
		for (const [kind, rows] of [
			['actions', p.actions],
			['metrics', p.metrics]
		] as const) {
			for (const r of rows ?? []) {
				if (!have.has(r.goalNumber)) {
					refuse(
						fileOf(kind),
						'goal',
						r.goalNumber,
						`goal ${r.goalNumber} of ${r.number} is not in the ${o.year} LCAP: import its goals too`
					);
				}
			}
		}
	}
	if (p.midYear) {
		const year = schoolYearLabel(schoolYearOf(p.midYear.asOf));
		const report = db
			.select()
			.from(lcapMidYearReports)
			.where(eq(lcapMidYearReports.year, year))
			.get();
		if (report && meetingFrozen(db, report.meetingId)) {
			refuse(
				fileOf('midyear'),
				null,
				null,
				`the ${year} mid-year report is on the record of its meeting and no longer changes`
			);
		}
	}
	if (p.metricRows) {
		const metrics = new Set(
			p.metrics ? p.metrics.map((m) => m.number) : o.year ? metricsOfYear(db, o.year) : []
		);
		const missing = new Set(
			p.metricRows.filter((r) => !metrics.has(r.metricNumber)).map((r) => r.metricNumber)
		);
		for (const n of missing)
			refuse(
				fileOf('metric-rows'),
				'metric_number',
				n,
				`metric ${n} is not among the LCAP’s metrics`
			);
	}
	if (p.crosswalk) {
		const actions = new Set(
			p.actions ? p.actions.map((a) => a.number) : o.year ? actionsOfYear(db, o.year) : []
		);
		for (const c of p.crosswalk) {
			if (!actions.has(c.number))
				refuse(
					fileOf('crosswalk'),
					'action_number',
					c.number,
					`action ${c.number} is not in the ${o.year ?? ''} LCAP`
				);
		}
	}
	return problems;
}

function versionOf(db: Db, year: string) {
	return db.select().from(lcapVersions).where(eq(lcapVersions.year, year)).get();
}
function goalsOfYear(db: Db, year: string) {
	const v = versionOf(db, year);
	return v ? db.select().from(lcapGoals).where(eq(lcapGoals.versionId, v.id)).all() : [];
}
function metricsOfYear(db: Db, year: string): string[] {
	const v = versionOf(db, year);
	return v
		? db
				.select({ n: lcapMetrics.number })
				.from(lcapMetrics)
				.where(eq(lcapMetrics.versionId, v.id))
				.all()
				.map((r) => r.n)
		: [];
}
function actionsOfYear(db: Db, year: string): string[] {
	const v = versionOf(db, year);
	return v
		? db
				.select({ n: lcapActions.number })
				.from(lcapActions)
				.where(eq(lcapActions.versionId, v.id))
				.all()
				.map((r) => r.n)
		: [];
}

function zero(): Counts {
	return { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
}

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	return Object.keys(b).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * Makes the rows of a table under one parent read `wanted`, matched by `key`: changed rows are
 * updated in place (their ids, and the links on them, stay), missing ones removed.
 */
function syncRows<Row extends { id: number }, In extends Record<string, unknown>>(
	existing: Row[],
	wanted: In[],
	key: (r: Record<string, unknown>) => string,
	ops: {
		insert: (r: In) => number;
		update: (id: number, r: In) => void;
		remove: (ids: number[]) => void;
	}
): { counts: Counts; ids: Map<string, number> } {
	const counts = zero();
	const byKey = new Map(existing.map((r) => [key(r as unknown as Record<string, unknown>), r]));
	const ids = new Map<string, number>();
	for (const w of wanted) {
		const k = key(w);
		const old = byKey.get(k);
		if (!old) {
			ids.set(k, ops.insert(w));
			counts.inserted++;
			continue;
		}
		byKey.delete(k);
		ids.set(k, old.id);
		if (same(old as unknown as Record<string, unknown>, w)) counts.unchanged++;
		else {
			ops.update(old.id, w);
			counts.updated++;
		}
	}
	const gone = [...byKey.values()].map((r) => r.id);
	if (gone.length) ops.remove(gone);
	counts.removed = gone.length;
	return { counts, ids };
}

function changed(c: Counts): boolean {
	return c.inserted + c.updated + c.removed > 0;
}

function applyVersion(
	tx: Tx,
	p: ParsedLcap,
	o: LcapImportOptions,
	counts: Record<string, Counts>
): number {
	const year = o.year!;
	const start = startYearOfLabel(year)!;
	const cycleLabel = o.cycle || `${start}-${String((start + 3) % 100).padStart(2, '0')}`;
	let cycle = tx.select().from(lcapCycles).where(eq(lcapCycles.label, cycleLabel)).get();
	counts.version = zero();
	if (!cycle) cycle = tx.insert(lcapCycles).values({ label: cycleLabel }).returning().get();
	let version = versionOf(tx, year);
	const fields = {
		cycleId: cycle.id,
		...(o.adoptedOn !== undefined && o.adoptedOn !== null ? { adoptedOn: o.adoptedOn } : {}),
		...(o.adoptedMeetingId ? { adoptedMeetingId: o.adoptedMeetingId } : {}),
		...(o.printedTotalCents != null ? { printedTotalCents: o.printedTotalCents } : {}),
		...(o.printedLcffCents != null ? { printedLcffCents: o.printedLcffCents } : {})
	};
	if (!version) {
		version = tx
			.insert(lcapVersions)
			.values({ year, ...fields })
			.returning()
			.get();
		counts.version.inserted++;
	} else if (!same(version, fields)) {
		tx.update(lcapVersions).set(fields).where(eq(lcapVersions.id, version.id)).run();
		counts.version.updated++;
	} else counts.version.unchanged++;
	const versionId = version.id;

	let goalIds = new Map(goalsOfYear(tx, year).map((g) => [g.number, g.id]));
	if (p.goals) {
		const r = syncRows(
			tx.select().from(lcapGoals).where(eq(lcapGoals.versionId, versionId)).all(),
			p.goals.map((g) => ({ ...g, versionId })),
			(g) => String(g.number),
			{
				insert: (g) => tx.insert(lcapGoals).values(g).returning({ id: lcapGoals.id }).get().id,
				update: (id, g) => void tx.update(lcapGoals).set(g).where(eq(lcapGoals.id, id)).run(),
				remove: (ids) => void tx.delete(lcapGoals).where(inArray(lcapGoals.id, ids)).run()
			}
		);
		counts.goals = r.counts;
		goalIds = r.ids;
	}
	if (p.actions) {
		const r = syncRows(
			tx.select().from(lcapActions).where(eq(lcapActions.versionId, versionId)).all(),
			p.actions.map(({ goalNumber, ...a }) => ({
				...a,
				versionId,
				goalId: goalIds.get(goalNumber)!
			})),
			(a) => String(a.number),
			{
				insert: (a) => tx.insert(lcapActions).values(a).returning({ id: lcapActions.id }).get().id,
				update: (id, a) => void tx.update(lcapActions).set(a).where(eq(lcapActions.id, id)).run(),
				remove: (ids) => void tx.delete(lcapActions).where(inArray(lcapActions.id, ids)).run()
			}
		);
		counts.actions = r.counts;
	}
	let metricIds = new Map(
		tx
			.select({ id: lcapMetrics.id, number: lcapMetrics.number })
			.from(lcapMetrics)
			.where(eq(lcapMetrics.versionId, versionId))
			.all()
			.map((m) => [m.number, m.id])
	);
	if (p.metrics) {
		const r = syncRows(
			tx.select().from(lcapMetrics).where(eq(lcapMetrics.versionId, versionId)).all(),
			p.metrics.map(({ goalNumber, ...m }) => ({
				...m,
				versionId,
				goalId: goalIds.get(goalNumber)!
			})),
			(m) => String(m.number),
			{
				insert: (m) => tx.insert(lcapMetrics).values(m).returning({ id: lcapMetrics.id }).get().id,
				update: (id, m) => void tx.update(lcapMetrics).set(m).where(eq(lcapMetrics.id, id)).run(),
				remove: (ids) => void tx.delete(lcapMetrics).where(inArray(lcapMetrics.id, ids)).run()
			}
		);
		counts.metrics = r.counts;
		metricIds = r.ids;
	}
	if (p.metricRows) {
		const ids = [...metricIds.values()];
		const r = syncRows(
			ids.length
				? tx.select().from(lcapMetricRows).where(inArray(lcapMetricRows.metricId, ids)).all()
				: [],
			p.metricRows.map(({ metricNumber, ...m }) => ({
				...m,
				metricId: metricIds.get(metricNumber)!
			})),
			// A metric's rows are known by their place in the file: groups and components repeat.
			(m) => `${m.metricId}#${m.sortOrder}`,
			{
				insert: (m) =>
					tx.insert(lcapMetricRows).values(m).returning({ id: lcapMetricRows.id }).get().id,
				update: (id, m) =>
					void tx.update(lcapMetricRows).set(m).where(eq(lcapMetricRows.id, id)).run(),
				remove: (gone) =>
					void tx.delete(lcapMetricRows).where(inArray(lcapMetricRows.id, gone)).run()
			}
		);
		counts.metricRows = r.counts;
	}
	if (p.annualUpdate) {
		const r = syncRows(
			tx
				.select()
				.from(lcapAnnualUpdateRows)
				.where(eq(lcapAnnualUpdateRows.versionId, versionId))
				.all(),
			p.annualUpdate.map((a) => ({ ...a, versionId })),
			(a) => String(a.actionNumber),
			{
				insert: (a) =>
					tx.insert(lcapAnnualUpdateRows).values(a).returning({ id: lcapAnnualUpdateRows.id }).get()
						.id,
				update: (id, a) =>
					void tx.update(lcapAnnualUpdateRows).set(a).where(eq(lcapAnnualUpdateRows.id, id)).run(),
				remove: (ids) =>
					void tx.delete(lcapAnnualUpdateRows).where(inArray(lcapAnnualUpdateRows.id, ids)).run()
			}
		);
		counts.annualUpdate = r.counts;
	}
	if (p.crosswalk) {
		const existing = tx
			.select()
			.from(lcapActionCrosswalk)
			.where(eq(lcapActionCrosswalk.versionId, versionId))
			.all();
		const c = zero();
		const old = new Map(existing.map((e) => [e.priorNumber, e.number]));
		for (const w of p.crosswalk) {
			const before = old.get(w.priorNumber);
			old.delete(w.priorNumber);
			if (before === w.number) c.unchanged++;
			else if (before === undefined) {
				tx.insert(lcapActionCrosswalk)
					.values({ versionId, ...w })
					.run();
				c.inserted++;
			} else {
				tx.update(lcapActionCrosswalk)
					.set({ number: w.number })
					.where(
						and(
							eq(lcapActionCrosswalk.versionId, versionId),
							eq(lcapActionCrosswalk.priorNumber, w.priorNumber)
						)
					)
					.run();
				c.updated++;
			}
		}
		for (const prior of old.keys()) {
			tx.delete(lcapActionCrosswalk)
				.where(
					and(
						eq(lcapActionCrosswalk.versionId, versionId),
						eq(lcapActionCrosswalk.priorNumber, prior)
					)
				)
				.run();
			c.removed++;
		}
		counts.crosswalk = c;
	}
	return versionId;
}

function applyMidYear(tx: Tx, p: ParsedLcap, counts: Record<string, Counts>): number {
	const m = p.midYear!;
	const year = schoolYearLabel(schoolYearOf(m.asOf));
	let report = tx.select().from(lcapMidYearReports).where(eq(lcapMidYearReports.year, year)).get();
	counts.midYearReport = zero();
	if (!report) {
		report = tx
			.insert(lcapMidYearReports)
			.values({ year, asOf: m.asOf, budgetOn: m.budgetOn })
			.returning()
			.get();
		counts.midYearReport.inserted++;
	} else if (report.asOf !== m.asOf || report.budgetOn !== m.budgetOn) {
		tx.update(lcapMidYearReports)
			.set({ asOf: m.asOf, budgetOn: m.budgetOn })
			.where(eq(lcapMidYearReports.id, report.id))
			.run();
		counts.midYearReport.updated++;
	} else counts.midYearReport.unchanged++;
	const reportId = report.id;
	const r = syncRows(
		tx.select().from(lcapMidYearRows).where(eq(lcapMidYearRows.reportId, reportId)).all(),
		m.rows.map((row) => ({ ...row, reportId })),
		(row) => String(row.actionNumber),
		{
			insert: (row) =>
				tx.insert(lcapMidYearRows).values(row).returning({ id: lcapMidYearRows.id }).get().id,
			update: (id, row) =>
				void tx.update(lcapMidYearRows).set(row).where(eq(lcapMidYearRows.id, id)).run(),
			remove: (ids) => void tx.delete(lcapMidYearRows).where(inArray(lcapMidYearRows.id, ids)).run()
		}
	);
	counts.midYear = r.counts;
	return reportId;
}

/**
 * Imports what the files hold, all or nothing. Row errors and refused checks come back in the
 * report with nothing written; a dry run (the preview) counts what would change and writes nothing.
 */
export function importLcap(
	db: Db,
	p: ParsedLcap,
	actor: Actor,
	o: LcapImportOptions = {}
): LcapImportReport {
	const report: LcapImportReport = {
		files: p.files,
		errors: [...p.errors],
		quirks: p.quirks,
		year: o.year ?? null,
		midYearYear: p.midYear ? schoolYearLabel(schoolYearOf(p.midYear.asOf)) : null,
		goals: p.goals?.length ?? 0,
		metrics: p.metrics?.length ?? 0,
		metricRows: p.metricRows?.length ?? 0,
		annualUpdateRows: p.annualUpdate?.length ?? 0,
		midYearRows: p.midYear?.rows.length ?? 0,
		totals: totalsOf(p),
		counts: {},
		committed: false,
		auditId: null
	};
	report.errors.push(...checkOptions(db, p, o));
	if (report.errors.length > 0 || p.files.length === 0) return report;
	try {
		write(db, actor, ({ tx, audit }) => {
			const counts: Record<string, Counts> = {};
			let versionId: number | null = null;
			if (
				o.year &&
				(p.goals || p.actions || p.metrics || p.metricRows || p.annualUpdate || p.crosswalk)
			) {
				versionId = applyVersion(tx, p, o, counts);
			}
			const midYearId = p.midYear ? applyMidYear(tx, p, counts) : null;
			report.counts = counts;
			if (o.dryRun) throw new DryRun();
			if (!Object.values(counts).some(changed)) return;
			report.auditId = audit({
				action: 'import',
				entity: versionId !== null ? 'lcap_version' : 'lcap_midyear_report',
				entityId: versionId ?? midYearId,
				note: p.files.map((f) => `${f.name} (SHA-256 ${f.sha256})`).join('; '),
				after: { year: o.year ?? null, counts, totals: report.totals, quirks: p.quirks.length }
			});
			report.committed = true;
		});
	} catch (e) {
		if (!(e instanceof DryRun)) throw e;
	}
	return report;
}
