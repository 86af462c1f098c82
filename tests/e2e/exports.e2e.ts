// Every export as every role: the downloads follow the pages' visibility (issue 13, item 3).
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { e2eDatabasePath } from './helpers/db';
import { signInAs, type DemoRole } from './helpers/auth';

/** Update texts that only a draft version holds, read from the test server's database. */
function draftOnlyTexts(): string[] {
	const db = new Database(e2eDatabasePath, { readonly: true });
	try {
		return (
			db
				.prepare(
					`select narrative from progress_update_version where state = 'draft' and narrative not in
					 (select narrative from progress_update_version where state <> 'draft')`
				)
				.all() as { narrative: string }[]
		).map((r) => r.narrative);
	} finally {
		db.close();
	}
}

const tables = [
	'results',
	'check-ins',
	'schools',
	'school-years',
	'student-groups',
	'priorities',
	'measures',
	'measure-targets',
	'structures',
	'structure-priorities',
	'policies',
	'policy-structures',
	'not-doing',
	'initiatives',
	'leaders',
	'engagements',
	'meetings',
	'agenda-items',
	'monitoring-calendar',
	'updates',
	'board-questions',
	'feedback',
	'event-notes',
	'series-breaks',
	'area-figures',
	'state-assistance-status',
	'state-assistance-groups',
	'state-essa-status',
	'lcap-goals',
	'lcap-actions',
	'lcap-metrics',
	'lcap-annual-update',
	'lcap-midyear',
	'board-members',
	'board-verdicts',
	'board-trainings'
];

// Who edits updates sees drafts; everyone else who may read the board's pages does not.
const seesDrafts: Record<DemoRole, boolean> = {
	board: false,
	admin: true,
	staff: true,
	superintendent: true
};

for (const role of Object.keys(seesDrafts) as DemoRole[]) {
	test(`every export as ${role}: ${seesDrafts[role] ? 'drafts included' : 'no draft'}`, async ({
		page
	}) => {
		const drafts = draftOnlyTexts();
		expect(drafts.length, 'the demo has draft-only texts').toBeGreaterThan(0);
		await signInAs(page, role);
		const texts: string[] = [];
		for (const name of tables) {
			const response = await page.request.get(`/manage/exports/${name}.csv`);
			expect(response.status(), name).toBe(200);
			texts.push(await response.text());
		}
		const zip = await page.request.get('/manage/exports/all.zip');
		expect(zip.status()).toBe(200);
		const files = unzipSync(new Uint8Array(await zip.body()));
		expect(Object.keys(files).sort()).toEqual(tables.map((t) => `${t}.csv`).sort());
		for (const [label, text] of [
			['the CSV files', texts.join('\n')],
			[
				'all.zip',
				Object.values(files)
					.map((f) => strFromU8(f))
					.join('\n')
			]
		] as const) {
			const leaked = drafts.filter((d) => text.includes(d));
			if (seesDrafts[role]) expect(leaked.length, label).toBe(drafts.length);
			else expect(leaked, label).toEqual([]);
		}
	});
}
