// Before/after of an audit entry as rows a person can read. Shared by the server and components.

export interface DiffRow {
	field: string;
	/** The field's name in words: "engagementWindowDays" → "Engagement window days". */
	label: string;
	before: string;
	after: string;
	kind: 'added' | 'removed' | 'changed' | 'same';
}

function show(value: unknown): string {
	if (value === undefined) return '';
	if (value === null) return '—';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
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
		const bv = b ? b[field] : undefined;
		const av = a ? a[field] : undefined;
		const same = JSON.stringify(bv) === JSON.stringify(av);
		if (same && !all) continue;
		rows.push({
			field,
			label: fieldLabel(field),
			before: b && field in b ? show(bv) : '',
			after: a && field in a ? show(av) : '',
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

const acronyms: Record<string, string> = { cds: 'CDS', id: 'ID', url: 'URL', n: 'n' };

/** "cdsCode" → "CDS code", "boardTimeGoalPercent" → "Board time goal percent". */
export function fieldLabel(key: string): string {
	const words = key
		.replace(/[_-]+/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(' ')
		.filter(Boolean)
		.map((w) => acronyms[w] ?? w);
	const text = words.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
