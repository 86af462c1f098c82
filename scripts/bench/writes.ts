// Writes at the largest district (issue 30): publishing an update — which freezes its meeting's
// record in the same transaction — and holding a meeting, each timed on a copy of the bench's
// database through the same domain functions the pages' actions call. Medians of a few of each.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbFile } from '../../src/lib/server/db/open.ts';
import { systemActor } from '../../src/lib/server/audit/index.ts';
import { publishAndFreeze } from '../../src/lib/server/meetings/snapshots.ts';
import { markHeld } from '../../src/lib/server/meetings/held.ts';

export interface WriteFigures {
	/** 'ok', or why nothing was measured. */
	state: string;
	/** Publishing an update and freezing its meeting's record: median ms, and how many. */
	publishMs?: number;
	publishes?: number;
	/** Marking a meeting held (its record frozen then): median ms, and how many. */
	holdMs?: number;
	holds?: number;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const round = (value: number) => Math.round(value * 10) / 10;

function timed(work: () => unknown): number {
	const started = performance.now();
	work();
	return performance.now() - started;
}

/** A new draft version of each of `count` published updates: what a superintendent publishes. */
function draftsToPublish(db: DbFile, count: number): number[] {
	const client = db.$client;
	const updates = client
		.prepare(
			`select v.update_id as updateId, max(v.version) as version from progress_update_version v
			 group by v.update_id having max(case when v.state = 'published' then v.version end) = max(v.version)
			 order by v.update_id desc limit ?`
		)
		.all(count) as { updateId: number; version: number }[];
	const columns = (
		client.prepare('pragma table_info(progress_update_version)').all() as {
			name: string;
		}[]
	)
		.map((c) => c.name)
		.filter((c) => !['id', 'version', 'state', 'published_at', 'published_by'].includes(c));
	const copy = client.prepare(
		`insert into progress_update_version (version, state, ${columns.join(', ')})
		 select version + 1, 'draft', ${columns.join(', ')} from progress_update_version
		 where update_id = ? and version = ?`
	);
	for (const u of updates) copy.run(u.updateId, u.version);
	return updates.map((u) => u.updateId);
}

/** Meetings on or before `today` not yet held, each given the agenda of the newest held meeting. */
function meetingsToHold(db: DbFile, count: number, today: string): number[] {
	const client = db.$client;
	const model = client
		.prepare('select id from board_meeting where held_at is not null order by held_on desc limit 1')
		.pluck()
		.get() as number | undefined;
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		const { lastInsertRowid } = client
			.prepare("insert into board_meeting (held_on, kind, title) values (?, 'regular', ?)")
			.run(today, `Bench meeting ${i + 1}`);
		const id = Number(lastInsertRowid);
		if (model)
			client
				.prepare(
					`insert into agenda_item (meeting_id, priority_id, title, minutes, sort_order)
					 select ?, priority_id, title, minutes, sort_order from agenda_item where meeting_id = ?`
				)
				.run(id, model);
		ids.push(id);
	}
	return ids;
}

export function measureWrites(databasePath: string, today: string, count = 5): WriteFigures {
	const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-writes-'));
	try {
		const copy = join(dir, 'writes.db');
		copyFileSync(databasePath, copy);
		const db = openDatabase(copy);
		try {
			const updates = draftsToPublish(db, count);
			const meetings = meetingsToHold(db, count, today);
			if (updates.length === 0) return { state: 'no published update to publish again' };
			const publish = updates.map((id) => timed(() => publishAndFreeze(db, systemActor, id)));
			const hold = meetings.map((id) => timed(() => markHeld(db, systemActor, id, today)));
			return {
				state: 'ok',
				publishMs: round(median(publish)),
				publishes: publish.length,
				holdMs: round(median(hold)),
				holds: hold.length
			};
		} finally {
			db.$client.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
