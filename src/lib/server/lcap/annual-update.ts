// The Annual Update: last year's actions, planned vs estimated actual, per action and per goal;
// the material differences (by the district's threshold) for the board to ask about, and the
// actions not implemented. Last year's numbers reach this year's actions only through the LCAP's
// own renumbered list (lcap_action_crosswalk), never by number.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { lcapActionCrosswalk, lcapAnnualUpdateRows, lcapVersions } from '../db/schema/index.ts';
import { write } from '../audit/write.ts';
import type { Actor } from '../audit/index.ts';
import { z } from 'zod';
import { integerIn, numberField, parse, type FormValues, type Saved } from '../forms.ts';

export interface AnnualUpdateRow {
	goalNumber: string;
	actionNumber: string;
	title: string;
	plannedCents: number;
	estimatedActualCents: number;
	differenceCents: number;
	/** This year's action number, where the renumbered list gives one. */
	nowNumber: string | null;
	material: boolean;
	notImplemented: boolean;
}

export interface AnnualUpdate {
	rows: AnnualUpdateRow[];
	byGoal: { goalNumber: string; plannedCents: number; estimatedActualCents: number }[];
	plannedCents: number;
	estimatedActualCents: number;
	threshold: { percent: number; cents: number };
}

/**
 * A difference is material when it reaches both the district's share of the planned amount and
 * its amount ("10 % and $50,000"): a small action's $3,000 is not worth the board's question.
 */
export function isMaterial(planned: number, actual: number, t: { percent: number; cents: number }) {
	const diff = Math.abs(actual - planned);
	return diff >= t.cents && diff * 100 >= planned * t.percent;
}

export function annualUpdateOf(db: Db, versionId: number): AnnualUpdate | null {
	const version = db.select().from(lcapVersions).where(eq(lcapVersions.id, versionId)).get();
	if (!version) return null;
	const rows = db
		.select()
		.from(lcapAnnualUpdateRows)
		.where(eq(lcapAnnualUpdateRows.versionId, versionId))
		.orderBy(asc(lcapAnnualUpdateRows.sortOrder))
		.all();
	if (!rows.length) return null;
	const now = new Map(
		db
			.select()
			.from(lcapActionCrosswalk)
			.where(eq(lcapActionCrosswalk.versionId, versionId))
			.all()
			.map((c) => [c.priorNumber, c.number])
	);
	const threshold = { percent: version.materialPercent, cents: version.materialCents };
	const out: AnnualUpdateRow[] = rows.map((r) => ({
		goalNumber: r.goalNumber,
		actionNumber: r.actionNumber,
		title: r.title,
		plannedCents: r.plannedCents,
		estimatedActualCents: r.estimatedActualCents,
		differenceCents: r.estimatedActualCents - r.plannedCents,
		nowNumber: now.get(r.actionNumber) ?? null,
		material: isMaterial(r.plannedCents, r.estimatedActualCents, threshold),
		notImplemented: r.plannedCents > 0 && r.estimatedActualCents === 0
	}));
	const goals = new Map<
		string,
		{ goalNumber: string; plannedCents: number; estimatedActualCents: number }
	>();
	for (const r of out) {
		const g = goals.get(r.goalNumber) ?? {
			goalNumber: r.goalNumber,
			plannedCents: 0,
			estimatedActualCents: 0
		};
		g.plannedCents += r.plannedCents;
		g.estimatedActualCents += r.estimatedActualCents;
		goals.set(r.goalNumber, g);
	}
	return {
		rows: out,
		byGoal: [...goals.values()],
		plannedCents: out.reduce((s, r) => s + r.plannedCents, 0),
		estimatedActualCents: out.reduce((s, r) => s + r.estimatedActualCents, 0),
		threshold
	};
}

export const materialInput = z.object({
	materialPercent: integerIn('share of the planned amount', 0, 100, 10),
	materialDollars: numberField(
		50_000,
		(n) => Number.isInteger(n) && n >= 0 && n <= 100_000_000,
		'The amount must be whole dollars, from 0 to 100,000,000.'
	)
});

/** The district's threshold of a material difference, for one year's Annual Update. */
export function setMaterialThreshold(
	db: Db,
	actor: Actor,
	versionId: number,
	values: FormValues
): Saved {
	const parsed = parse(materialInput, values);
	if (!parsed.ok) return parsed;
	const version = db.select().from(lcapVersions).where(eq(lcapVersions.id, versionId)).get();
	if (!version) return { ok: false, errors: { form: ['This LCAP is gone.'] } };
	const after = {
		materialPercent: parsed.data.materialPercent,
		materialCents: parsed.data.materialDollars * 100
	};
	if (
		version.materialPercent === after.materialPercent &&
		version.materialCents === after.materialCents
	) {
		return { ok: true, id: versionId };
	}
	write(db, actor, ({ tx, audit }) => {
		tx.update(lcapVersions).set(after).where(eq(lcapVersions.id, versionId)).run();
		audit({
			action: 'update',
			entity: 'lcap_version',
			entityId: versionId,
			before: { materialPercent: version.materialPercent, materialCents: version.materialCents },
			after,
			note: `LCAP ${version.year}: material difference threshold`
		});
	});
	return { ok: true, id: versionId };
}
