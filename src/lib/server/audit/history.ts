import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import type { DbFile } from '../db/open.ts';
import { derived } from '../cache/derived.ts';
import { describeChainBreak, verifyAuditChain } from '../db/audit-chain.ts';
import { withNames } from './names.ts';
import { actionName, entityName } from '../../audit/words.ts';

export interface AuditRow {
	id: number;
	at: string;
	userEmail: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
	note: string | null;
}

const columns = {
	id: auditLog.id,
	at: auditLog.at,
	userEmail: auditLog.userEmail,
	action: auditLog.action,
	entity: auditLog.entity,
	entityId: auditLog.entityId,
	before: auditLog.before,
	after: auditLog.after,
	note: auditLog.note
};

/** One record's history, newest first: for the "History" section on each editable entity's page. */
export function historyOf(
	db: DbFile,
	entity: string,
	entityId: string | number,
	limit = 100
): AuditRow[] {
	const rows = db
		.select(columns)
		.from(auditLog)
		.where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit)
		.all();
	return withNames(db, rows);
}

export interface AuditFilter {
	/** Part of the e-mail of who acted. */
	person?: string;
	entity?: string;
	entityId?: string;
	action?: string;
	/** YYYY-MM-DD, inclusive. */
	from?: string;
	to?: string;
}

export const auditPageSize = 50;

/** The audit trail, newest first, filtered and paged (50 a page). */
export function searchAudit(db: DbFile, filter: AuditFilter, page = 1) {
	const where: SQL[] = [];
	if (filter.person)
		where.push(sql`instr(lower(coalesce(${auditLog.userEmail}, '')), lower(${filter.person})) > 0`);
	// One kind in the filter may be several in the trail: "Progress update" is the update and its versions.
	if (filter.entity)
		where.push(inArray(auditLog.entity, namedAlike(db, 'entity', filter.entity, entityName)));
	if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
	if (filter.action)
		where.push(inArray(auditLog.action, namedAlike(db, 'action', filter.action, actionName)));
	if (filter.from) where.push(gte(auditLog.at, filter.from));
	if (filter.to) where.push(lte(auditLog.at, `${filter.to}T99`));
	const condition = where.length ? and(...where) : undefined;
	const total = db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.where(condition)
		.get()!.n;
	const pages = Math.max(1, Math.ceil(total / auditPageSize));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const rows = db
		.select(columns)
		.from(auditLog)
		.where(condition)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(auditPageSize)
		.offset((current - 1) * auditPageSize)
		.all();
	return { rows: withNames(db, rows), total, page: current, pages };
}

/**
 * The values of a column that occur in the trail, in order. The trail grows without end: each
 * value is found by a seek on the index that starts with the column (a loose index scan), never
 * by reading the whole trail.
 */
function occurring(db: DbFile, column: 'entity' | 'action'): string[] {
	const name = column === 'entity' ? 'entity' : 'action';
	return db.$client
		.prepare(
			`with recursive v(x) as (
			   select min(${name}) from audit_log
			   union all
			   select (select min(${name}) from audit_log where ${name} > x) from v where x is not null
			 ) select x from v where x is not null`
		)
		.pluck()
		.all() as string[];
}

/** The values in the trail that read as `value` does (itself included). */
function namedAlike(
	db: DbFile,
	column: 'entity' | 'action',
	value: string,
	name: (v: string) => string
): string[] {
	const words = name(value);
	return [value, ...occurring(db, column).filter((v) => v !== value && name(v) === words)];
}

/** One value per name: the filter offers each kind once, whatever its records are called inside. */
function onePerName(values: string[], name: (v: string) => string): string[] {
	const seen = new Set<string>();
	return values.filter((v) => !seen.has(name(v)) && !!seen.add(name(v)));
}

/** The values the filters offer: entities and actions that occur in the trail, each name once. */
export function auditVocabulary(db: DbFile) {
	return {
		entities: onePerName(occurring(db, 'entity'), entityName),
		actions: onePerName(occurring(db, 'action'), actionName)
	};
}

/**
 * The chain check for Admin → Audit trail, kept until the data changes. A direct edit of the file
 * by another process moves SQLite's data version too, so it is never hidden by the kept copy.
 */
export function auditChainStatus(db: DbFile): {
	ok: boolean;
	rows: number;
	head: string | null;
	problem: string | null;
} {
	return derived(db, 'audit chain', () => {
		const report = verifyAuditChain(db.$client);
		return {
			ok: report.ok,
			rows: report.rows,
			head: report.head,
			problem: report.firstBroken ? describeChainBreak(report.firstBroken) : null
		};
	});
}
