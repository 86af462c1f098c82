// Before/after of an audit entry as rows a person can read. Shared by the server and components.
import { fieldLabel, hiddenFields, valueText } from './words.ts';

export { fieldLabel } from './words.ts';

export interface DiffRow {
	field: string;
	/** The field's name as its form labels it: "startYearId" → "Start year". */
	label: string;
	before: string;
	after: string;
	kind: 'added' | 'removed' | 'changed' | 'same';
}

function asRecord(value: unknown): Record<string, unknown> | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	return { value };
}

/** Field by field: what changed (unchanged fields only with `all`). */
export function auditDiff(before: unknown, after: unknown, all = false): DiffRow[] {
	const b = asRecord(before);
	const a = asRecord(after);
	const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
	const rows: DiffRow[] = [];
	for (const field of keys) {
		if (hiddenFields.has(field)) continue;
		const bv = b ? b[field] : undefined;
		const av = a ? a[field] : undefined;
		const same = JSON.stringify(bv) === JSON.stringify(av);
		if (same && !all) continue;
		rows.push({
			field,
			label: fieldLabel(field),
			before: b && field in b ? valueText(field, bv) : '',
			after: a && field in a ? valueText(field, av) : '',
			kind: same
				? 'same'
				: !b || !(field in b)
					? 'added'
					: !a || !(field in a)
						? 'removed'
						: 'changed'
		});
	}
	return rows;
}
