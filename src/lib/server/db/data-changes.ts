/**
 * The counters every change to the district's data moves, by trigger, whoever makes it (the
 * server, a CLI import, sqlite3): `data_change` (one version for all of it, migration 0013) and
 * `table_change` (one per table, migration 0015). Their triggers are kept here, on every table
 * but those listed below, so a table a later migration adds is watched without anyone writing its
 * triggers: a table forgotten would keep pages that read it too long.
 */
import type Database from 'better-sqlite3';

/** Sign-in's own tables, the throttle, the audit trail and the counters change no page's data. */
export const notDistrictData: readonly string[] = [
	'account',
	'audit_log',
	'data_change',
	// The outbox and each person's choice of notices: no kept page or figure reads them.
	'notice',
	'notice_preference',
	'notice_reader',
	'session',
	'sign_in_failure',
	'table_change',
	'two_factor',
	'verification'
];

const operations = ['insert', 'update', 'delete'] as const;

function triggerSql(table: string, operation: (typeof operations)[number]): string {
	return (
		`CREATE TRIGGER \`data_change_${table}_${operation}\` AFTER ${operation.toUpperCase()} ON \`${table}\` BEGIN ` +
		'UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; ' +
		`UPDATE \`table_change\` SET \`version\` = \`version\` + 1 WHERE \`name\` = '${table}'; END`
	);
}

/** The district's tables, as the database has them now. */
export function districtTables(client: Database.Database): string[] {
	const tables = client
		.prepare(
			"select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name"
		)
		.pluck()
		.all() as string[];
	return tables.filter((t) => !notDistrictData.includes(t));
}

/** What is missing or written otherwise: the statements that put it right. */
function missingWatch(client: Database.Database): string[] {
	const existing = new Map(
		(
			client
				.prepare(
					"select name, sql from sqlite_schema where type = 'trigger' and name like 'data_change_%'"
				)
				.all() as { name: string; sql: string }[]
		).map((t) => [t.name, t.sql])
	);
	const counted = new Set(
		client.prepare('select name from table_change').pluck().all() as string[]
	);
	const work: string[] = [];
	for (const table of districtTables(client)) {
		if (!counted.has(table))
			work.push(`INSERT OR IGNORE INTO table_change (name) VALUES ('${table}')`);
		for (const operation of operations) {
			const name = `data_change_${table}_${operation}`;
			const wanted = triggerSql(table, operation);
			if (existing.get(name) === wanted) continue;
			if (existing.has(name)) work.push(`DROP TRIGGER \`${name}\``);
			work.push(wanted);
		}
	}
	return work;
}

/**
 * Gives every table of the district's data its triggers and its row in `table_change`, where
 * they are missing or written otherwise; a database already right is only read. Two processes
 * opening the file at once: the second finds the work done inside its own write lock.
 */
export function watchDataChanges(client: Database.Database): void {
	const hasCounters = client
		.prepare(
			"select count(*) from sqlite_schema where type = 'table' and name in ('data_change', 'table_change')"
		)
		.pluck()
		.get();
	if (hasCounters !== 2 || missingWatch(client).length === 0) return;
	client
		.transaction(() => {
			for (const statement of missingWatch(client)) client.exec(statement);
		})
		.immediate();
}
