import { byName } from '../db/sort.ts';
import { missingChoice, takenByAnother } from '../db/lookups.ts';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { type Actor } from '../audit/index.ts';
import { schools } from '../db/schema/district.ts';
import { initiatives, initiativeSchools, priorities } from '../db/schema/priorities.ts';
import {
	checkbox,
	numberField,
	optionalId,
	parseChecked,
	plainText,
	requiredText,
	type FieldErrors,
	type Saved
} from '../forms.ts';
import { openInFigures } from '../results/counted.ts';
import { write } from '../audit/write.ts';

export const initiativeInput = z.object({
	name: requiredText('name', 200),
	description: plainText('description', 4000),
	priorityId: optionalId('priority'),
	active: checkbox,
	startYear: numberField(
		null,
		(n) => Number.isInteger(n) && n >= 1990 && n <= 2100,
		'Enter the year it started as four digits, e.g. 2023.'
	),
	schoolIds: z
		.array(z.string())
		.optional()
		.transform((ids, ctx) => {
			const out = (ids ?? []).map(Number);
			if (out.some((n) => !Number.isInteger(n) || n <= 0)) {
				ctx.addIssue({ code: 'custom', message: 'Choose schools from the list.' });
				return z.NEVER;
			}
			return [...new Set(out)];
		})
});

export type Initiative = typeof initiatives.$inferSelect;

export function listInitiatives(
	db: Db,
	filter: { schoolId?: number; active?: boolean; priorityId?: number } = {}
) {
	return db
		.select({
			id: initiatives.id,
			name: initiatives.name,
			active: initiatives.active,
			startYear: initiatives.startYear,
			priorityId: initiatives.priorityId,
			priority: priorities.title,
			schoolCount: sql<number>`(select count(*) from ${initiativeSchools} where ${initiativeSchools.initiativeId} = ${initiatives.id})`
		})
		.from(initiatives)
		.leftJoin(priorities, eq(priorities.id, initiatives.priorityId))
		.where(
			and(
				filter.active === undefined ? undefined : eq(initiatives.active, filter.active),
				filter.priorityId ? eq(initiatives.priorityId, filter.priorityId) : undefined,
				filter.schoolId
					? sql`exists (select 1 from ${initiativeSchools} where ${initiativeSchools.initiativeId} = ${initiatives.id} and ${initiativeSchools.schoolId} = ${filter.schoolId})`
					: undefined
			)
		)
		.orderBy(byName(initiatives.name))
		.all();
}

export function getInitiative(db: Db, id: number) {
	const row = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
	if (!row) return undefined;
	const schoolIds = db
		.select({ id: initiativeSchools.schoolId })
		.from(initiativeSchools)
		.where(eq(initiativeSchools.initiativeId, id))
		.all()
		.map((r) => r.id);
	return { ...row, schoolIds };
}

export function schoolChoices(db: Db) {
	return db
		.select({ id: schools.id, name: schools.name })
		.from(schools)
		.where(openInFigures())
		.orderBy(byName(schools.name))
		.all();
}

function validated(db: Db, values: unknown, id?: number) {
	return parseChecked(initiativeInput, values, (data) => conflicts(db, data, id));
}

function conflicts(db: Db, data: z.infer<typeof initiativeInput>, id?: number): FieldErrors {
	const errors: FieldErrors = {};
	if (takenByAnother(db, initiatives, initiatives.id, eq(initiatives.name, data.name), id))
		errors.name = ['Another initiative already has this name.'];
	if (missingChoice(db, priorities, priorities.id, data.priorityId))
		errors.priorityId = ['Choose a priority from the list.'];
	const known = new Set(
		db
			.select({ id: schools.id })
			.from(schools)
			.all()
			.map((s) => s.id)
	);
	if (data.schoolIds.some((s) => !known.has(s)))
		errors.schoolIds = ['Choose schools from the list.'];
	return errors;
}

function writeSchools(db: Db, initiativeId: number, schoolIds: number[]) {
	db.delete(initiativeSchools).where(eq(initiativeSchools.initiativeId, initiativeId)).run();
	if (schoolIds.length)
		db.insert(initiativeSchools)
			.values(schoolIds.map((schoolId) => ({ initiativeId, schoolId })))
			.run();
}

export function createInitiative(db: Db, actor: Actor, values: unknown): Saved {
	const parsed = validated(db, values);
	if (!parsed.ok) return parsed;
	const { schoolIds, ...fields } = parsed.data;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx.insert(initiatives).values(fields).returning().get();
		writeSchools(tx, row.id, schoolIds);
		audit({
			action: 'create',
			entity: 'initiative',
			entityId: row.id,
			after: { ...row, schoolIds }
		});
		return { ok: true as const, id: row.id };
	});
}

export function updateInitiative(db: Db, actor: Actor, id: number, values: unknown): Saved {
	const before = getInitiative(db, id);
	if (!before) return { ok: false, errors: { form: ['This initiative no longer exists.'] } };
	const parsed = validated(db, values, id);
	if (!parsed.ok) return parsed;
	const { schoolIds, ...fields } = parsed.data;
	return write(db, actor, ({ tx, audit }) => {
		const row = tx.update(initiatives).set(fields).where(eq(initiatives.id, id)).returning().get();
		writeSchools(tx, id, schoolIds);
		audit({
			action: 'update',
			entity: 'initiative',
			entityId: id,
			before,
			after: { ...row, schoolIds }
		});
		return { ok: true as const, id };
	});
}

export function deleteInitiative(db: Db, actor: Actor, id: number): boolean {
	const before = getInitiative(db, id);
	if (!before) return false;
	write(db, actor, ({ tx, audit }) => {
		tx.delete(initiatives).where(eq(initiatives.id, id)).run();
		audit({ action: 'delete', entity: 'initiative', entityId: id, before });
	});
	return true;
}

/** Active initiatives per open school, most first. */
export function initiativeLoad(db: Db) {
	return db
		.select({
			schoolId: schools.id,
			school: schools.name,
			active: sql<number>`count(${initiatives.id})`
		})
		.from(schools)
		.leftJoin(initiativeSchools, eq(initiativeSchools.schoolId, schools.id))
		.leftJoin(
			initiatives,
			and(eq(initiatives.id, initiativeSchools.initiativeId), eq(initiatives.active, true))
		)
		.where(openInFigures())
		.groupBy(schools.id)
		.orderBy(sql`count(${initiatives.id}) desc`, byName(schools.name))
		.all();
}
