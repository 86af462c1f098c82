import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The audit trail as a hash chain. Each row carries the previous row's hash and a hash of its own
 * content together with that link, so editing, removing or inserting a row through SQLite outside
 * the app breaks the chain from that row on. (Removing the newest rows leaves a shorter chain that
 * still verifies: the head hash shown on Admin → Audit trail is what to note down elsewhere.)
 */
export interface ChainedRow {
	id: number;
	at: string;
	userId: string | null;
	userEmail: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	/** As stored: JSON text, or null. */
	before: string | null;
	after: string | null;
	note: string | null;
}

export function auditRowHash(row: ChainedRow, prevHash: string | null): string {
	const content = [
		row.id,
		row.at,
		row.userId,
		row.userEmail,
		row.action,
		row.entity,
		row.entityId,
		row.before,
		row.after,
		row.note,
		prevHash
	];
	return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export type ChainBreak = {
	id: number;
	at: string;
	reason: 'changed' | 'unlinked' | 'unsealed';
};

export interface ChainReport {
	ok: boolean;
	/** Rows checked. */
	rows: number;
	/** The newest row's hash: note it down to detect the newest rows being removed later. */
	head: string | null;
	firstBroken: ChainBreak | null;
}

const selectRows = `SELECT id, at, user_id AS userId, user_email AS userEmail, action, entity,
	entity_id AS entityId, before, after, note, prev_hash AS prevHash, hash FROM audit_log ORDER BY id`;

type StoredRow = ChainedRow & { prevHash: string | null; hash: string | null };

/** Walks the whole trail in order and names the first row that does not fit the chain. */
export function verifyAuditChain(client: Database.Database): ChainReport {
	let previous: string | null = null;
	let rows = 0;
	for (const row of client.prepare(selectRows).iterate() as IterableIterator<StoredRow>) {
		rows++;
		const broken = (reason: ChainBreak['reason']): ChainReport => ({
			ok: false,
			rows,
			head: null,
			firstBroken: { id: row.id, at: row.at, reason }
		});
		if (row.hash == null) return broken('unsealed');
		if (row.prevHash !== previous) return broken('unlinked');
		if (auditRowHash(row, row.prevHash) !== row.hash) return broken('changed');
		previous = row.hash;
	}
	return { ok: true, rows, head: previous, firstBroken: null };
}

/** What a break means, for the audit page and `npm run audit:verify`. */
export function describeChainBreak(b: ChainBreak): string {
	const what = {
		changed: 'its content no longer matches its hash: it was edited outside Throughline',
		unlinked:
			'it does not follow the entry before it: an entry before it was removed, inserted or edited outside Throughline',
		unsealed: 'it has no hash: it was written outside Throughline'
	}[b.reason];
	return `Entry #${b.id} (${b.at}): ${what}.`;
}

/**
 * Seals rows written before the chain existed (a database from an earlier version), oldest first.
 * Only a trail with no sealed row at all is sealed: an unsealed row beside sealed ones was written
 * outside the app, and verification must report it, not hide it.
 */
export function sealLegacyAuditRows(client: Database.Database): number {
	const seal = client.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
	// Immediate: two processes opening an old database at once must not both seal it.
	return client
		.transaction(() => {
			if (client.prepare('SELECT 1 FROM audit_log WHERE hash IS NOT NULL LIMIT 1').get()) return 0;
			const legacy = client.prepare(selectRows).all() as StoredRow[];
			let previous: string | null = null;
			for (const row of legacy) {
				const hash = auditRowHash(row, previous);
				seal.run(previous, hash, row.id);
				previous = hash;
			}
			return legacy.length;
		})
		.immediate();
}
