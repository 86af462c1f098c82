// Example values for a route's [params], from route-access.ts: a fixed value, or one picked from
// the test database (reports/e2e.db) by a query.
import type { RouteAccess } from '../route-access.ts';
import { query } from './db.ts';

export function exampleParams(entry: RouteAccess): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(entry.params ?? {})) {
		if (typeof value === 'string') out[name] = value;
		else {
			const row = query<Record<string, unknown>>(value.sql)[0];
			if (!row) throw new Error(`No example for [${name}]: ${value.sql} found nothing`);
			out[name] = String(Object.values(row)[0]);
		}
	}
	return out;
}
