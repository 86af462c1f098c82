// The board's own record (issue 34): a meeting held → the board records its verdict with a roll
// call → the public record shows it in English and Spanish, and the priority's page lists it;
// board members kept with their terms, the finance-law training done or due; bad input refused
// with nothing saved; axe on each new page.
import {
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import { query } from './helpers/db.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { baseURL, storageStateFor, type DemoRole } from './helpers/auth.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function as(browser: Browser, role: DemoRole): Promise<Page> {
	const context = await browser.newContext({ storageState: storageStateFor(role) });
	return context.newPage();
}

async function apiAs(viewer: DemoRole | 'anonymous'): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: baseURL(),
		storageState: viewer === 'anonymous' ? undefined : storageStateFor(viewer),
		extraHTTPHeaders: { origin: baseURL() },
		maxRedirects: 0
	});
}

const count = (sql: string, ...params: unknown[]) =>
	query<{ n: number }>(`select count(*) as n from (${sql})`, ...params)[0].n;

const tag = `E2E${Date.now()}`;
const finding = `${tag}: reading grew at most schools, two fell back`;
let meetingId = 0;
let updateId = 0;
let priority: { id: number; slug: string; title: string };
// The demo's members seated on 14 June 2025 (src/lib/server/demo/board-record.ts): five seats.
let seated: { id: number; name: string }[] = [];

test('a meeting is held with a published report', async ({ browser }) => {
	priority = query<{ id: number; slug: string; title: string }>(
		`select id, slug, title from priority where status = 'active' order by sort_order, id limit 1`
	)[0];
	const staff = await as(browser, 'staff');
	await staff.goto('/manage/meetings');
	await staff.getByLabel('Date').fill('2025-06-14');
	await staff.getByLabel('Kind').selectOption('special');
	await staff.getByLabel('Title (optional)').fill(`${tag} meeting`);
	await staff.getByRole('button', { name: 'Add meeting' }).click();
	await expect(staff).toHaveURL(/\/manage\/meetings\/\d+$/);
	meetingId = Number(staff.url().split('/').pop());

	const sup = await as(browser, 'superintendent');
	await sup.goto(`/manage/meetings/${meetingId}/updates/${priority.id}`);
	await sup.getByLabel('Status', { exact: true }).selectOption('watch');
	await sup.getByLabel('Summary (one line)').fill(`${tag} report`);
	await sup.getByRole('button', { name: /^Save/ }).click();
	await expect(sup.getByRole('status')).toContainText('was saved');
	await sup.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(sup.getByRole('status')).toContainText('published');
	await sup.goto(`/board/meetings/${meetingId}`);
	await sup.getByRole('button', { name: 'Mark this meeting held' }).click();
	await expect(sup.getByRole('status')).toContainText('marked held');
	updateId = query<{ id: number }>(
		'select id from progress_update where meeting_id = ? and priority_id = ?',
		meetingId,
		priority.id
	)[0].id;
	seated = query<{ id: number; name: string }>(
		`select id, name from board_member where term_start <= '2025-06-14' and term_end >= '2025-06-14'
		 order by seat, id`
	);
	expect(seated).toHaveLength(5);
	// Presented and held, with no verdict yet: the board's overview says so.
	const board = await as(browser, 'board');
	await board.goto('/board');
	// (It sits in the overview's list of what needs attention, folded on a long list.)
	await expect(board.locator(`[data-signal="verdict-missing:${updateId}"]`)).toContainText(
		`The report on "${priority.title}" presented on June 14, 2025 has no verdict`
	);
});

test('the board records its verdict; a roll call short of the seats is refused', async ({
	browser
}) => {
	const page = await as(browser, 'board');
	await page.goto(`/board/meetings/${meetingId}`);
	const form = page.locator(`#verdict-${updateId}`);
	await form.getByLabel("Is the superintendent's interpretation reasonable?").selectOption('yes');
	await form.getByLabel('Do the data show progress?').selectOption('partly');
	await form.getByLabel('Finding').fill(finding);
	await form.getByLabel('Motion').fill('Accept the report as presented.');
	// Four of the five seats voted: refused, with the member who has no vote named.
	for (const m of seated.slice(0, 4))
		await form.getByLabel(new RegExp(`^${m.name}`)).selectOption('aye');
	await form.getByRole('button', { name: 'Record the verdict' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		`The roll call must count one vote for each of the 5 seated members; it counts 4. No vote for ${seated[4].name}.`
	);
	expect(count('select 1 from disposition where update_id = ?', updateId)).toBe(0);

	await form.getByLabel(new RegExp(`^${seated[4].name}`)).selectOption('absent');
	await form.getByLabel(new RegExp(`^${seated[3].name}`)).selectOption('no');
	await form.getByRole('button', { name: 'Record the verdict' }).click();
	await expect(page.getByRole('status')).toContainText('verdict and roll call are on record');
	const votes = query<{ name: string; vote: string }>(
		`select m.name, v.vote from disposition_vote v join board_member m on m.id = v.member_id
		 join disposition d on d.id = v.disposition_id where d.update_id = ? order by m.seat, m.id`,
		updateId
	);
	expect(votes.map((v) => v.vote)).toEqual(['aye', 'aye', 'aye', 'no', 'absent']);
	expect(count(`select 1 from audit_log where entity = 'disposition'`)).toBeGreaterThan(0);
	// 3 ayes of 5 seats: a majority of the membership, carried.
	await expect(page.getByTestId('verdict')).toContainText(
		'Carried: 3 ayes, 1 noes, 0 abstaining, 1 absent, of 5 seats.'
	);
	await expectNoAxeViolations(page);
});

test('a verdict on a report not presented is refused, and nothing is saved', async () => {
	// The demo's newest past meeting is not held: its report was shared with the board only.
	const notHeld = query<{ meetingId: number; updateId: number }>(
		`select m.id as meetingId, u.id as updateId from board_meeting m join progress_update u on u.meeting_id = m.id
		 where m.held_at is null and m.held_on <= '2025-06-15' order by m.held_on desc limit 1`
	)[0];
	const before = count('select 1 from disposition');
	const board = await apiAs('board');
	const form: Record<string, string> = {
		updateId: String(notHeld.updateId),
		interpretation: 'yes',
		progress: 'yes',
		finding: 'Not presented',
		motion: 'Accept'
	};
	for (const m of seated) form[`vote-${m.id}`] = 'aye';
	const answer = await board.post(`/board/meetings/${notHeld.meetingId}?/verdict`, {
		form,
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(await answer.text()).toContain('not presented');
	expect(count('select 1 from disposition')).toBe(before);
	await board.dispose();
});

test('the public record shows the verdict in English and Spanish, and the priority page lists it', async ({
	page
}) => {
	await page.goto(`/meetings/${meetingId}`);
	const verdict = page.getByTestId('verdict');
	await expect(verdict).toContainText('The board’s verdict');
	await expect(verdict).toContainText(finding);
	await expect(verdict).toContainText('Interpretation reasonable');
	await verdict.locator('summary').click();
	await expect(verdict.getByRole('row', { name: new RegExp(seated[3].name) })).toContainText('No');

	await page.goto(`/es/meetings/${meetingId}`);
	const es = page.getByTestId('verdict');
	await expect(es).toContainText('El dictamen de la junta');
	await expect(es).toContainText('Interpretación razonable');
	await expect(es).toContainText('Aprobada: 3 a favor, 1 en contra');
	await expect(es).toContainText(finding);

	await page.goto(`/priorities/${priority.slug}`);
	await expect(page.locator('#verdicts')).toContainText(finding);
	await page.goto(`/es/priorities/${priority.slug}`);
	await expect(page.locator('#verdicts')).toContainText('Los dictámenes de la junta');
});

test('members: a term that ends before it starts is refused, nothing saved', async ({
	browser
}) => {
	const page = await as(browser, 'admin');
	await page.goto('/board/members');
	const before = count('select 1 from board_member');
	await page.getByRole('textbox', { name: 'Name' }).fill(`${tag} member`);
	await page.getByRole('textbox', { name: 'Seat' }).fill('Trustee Area 6');
	await page.getByLabel('Term starts').fill('2026-12-11');
	await page.getByLabel('Term ends').fill('2022-12-09');
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByRole('alert').first()).toContainText('The term must end after it starts.');
	expect(count('select 1 from board_member')).toBe(before);
	// The board reads the members and the training but cannot change them.
	const board = await as(browser, 'board');
	await board.goto('/board/members');
	await expect(board.getByRole('button', { name: 'Add member' })).toHaveCount(0);
	await expectNoAxeViolations(board);
	await expectNoAxeViolations(page);
});

test('the public reads the members, their terms and who has done the finance-law training', async ({
	page
}) => {
	// The demo: every current member but Marcus Bell has the training (demo/board-record.ts).
	await page.goto('/board-members');
	const finance = page.getByRole('table', { name: 'The school-finance-law training by member' });
	await expect(finance.getByRole('row', { name: /Marcus Bell/ })).toContainText(
		'Due by January 1, 2028'
	);
	await expect(finance.getByRole('row', { name: /Rosa Delgado/ })).toContainText('Done');
	await expectNoAxeViolations(page);
	await page.goto('/es/board-members');
	await expect(page.getByRole('heading', { name: 'Miembros de la junta', level: 1 })).toBeVisible();
	const financeEs = page.getByRole('table', {
		name: 'La capacitación en legislación de finanzas escolares, por miembro'
	});
	await expect(financeEs.getByRole('row', { name: /Marcus Bell/ })).toContainText(
		'Pendiente, a más tardar el 1 de enero de 2028'
	);
	await expectNoAxeViolations(page);
});

const secret = `${tag} closed session: rated on the literacy reports`;

test('the evaluation draft lists the verdict; a rating outside the scale is refused', async ({
	browser
}) => {
	// The demo's board account is Rosa Delgado's (scripts/demo.ts links it).
	const page = await as(browser, 'board');
	await page.goto('/board/evaluation?year=2024-25');
	const drafted = page.getByTestId('draft-priority').filter({ hasText: priority.title });
	await expect(drafted.getByRole('row', { name: /June 14, 2025/ })).toContainText(finding);
	await expectNoAxeViolations(page);

	const board = await apiAs('board');
	const before = count('select 1 from evaluation_rating');
	const refused = await board.post('/board/evaluation?/rate&year=2024-25', {
		form: { priorityId: String(priority.id), rating: '7', comment: secret },
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(await refused.text()).toContain('Choose a rating from 1 to 4.');
	expect(count('select 1 from evaluation_rating')).toBe(before);
	await board.dispose();

	await drafted.getByLabel(`Your rating on ${priority.title}`).selectOption('3');
	await drafted.getByLabel('Your comment (optional)').fill(secret);
	await drafted.getByRole('button', { name: 'Save my rating' }).click();
	await expect(page.getByRole('status')).toContainText('Only the board reads it');
	// It is in the database, as Rosa Delgado's.
	expect(
		query<{ name: string; rating: number }>(
			`select m.name, r.rating from evaluation_rating r join board_member m on m.id = r.member_id
			 where r.comment = ?`,
			secret
		)
	).toEqual([{ name: 'Rosa Delgado', rating: 3 }]);
	await expect(
		page
			.getByRole('table', { name: 'Members’ ratings by priority' })
			.getByRole('row', { name: new RegExp(`Rosa Delgado ${priority.title}`) })
	).toContainText(secret);
});

test('a member’s rating is invisible to the public, the open data, another role’s export, __data.json and the API', async () => {
	test.setTimeout(240_000);
	const seen: string[] = [];
	const look = async (api: APIRequestContext, who: string, url: string) => {
		const response = await api.get(url);
		if ((await response.text()).includes(secret)) seen.push(`${who} ${url}`);
	};
	const anonymous = await apiAs('anonymous');
	for (const url of [
		'/board-members',
		'/board-members/__data.json',
		'/es/board-members',
		`/meetings/${meetingId}`,
		`/priorities/${priority.slug}`,
		`/priorities/${priority.slug}/__data.json`,
		'/data'
	])
		await look(anonymous, 'the public', url);
	const catalog = (await (await anonymous.get('/api/v1')).json()) as { datasets: string[] };
	expect(catalog.datasets.some((d) => d.endsWith('/board-verdicts'))).toBe(true);
	for (const path of catalog.datasets) {
		const name = path.split('/').at(-1)!;
		for (const url of [`${path}?per_page=1000`, `/data/${name}.csv`, `/data/${name}.json`])
			await look(anonymous, 'the public', url);
	}
	await anonymous.dispose();
	for (const role of ['superintendent', 'staff', 'admin'] as const) {
		const api = await apiAs(role);
		await look(api, role, '/board/evaluation?year=2024-25');
		await look(api, role, '/board/evaluation/__data.json?year=2024-25');
		await look(api, role, '/manage/exports/all.zip');
		for (const name of ['board-members', 'board-verdicts', 'board-trainings'])
			await look(api, role, `/manage/exports/${name}.csv`);
		await api.dispose();
	}
	expect(seen).toEqual([]);
	// The audit trail says a member rated, never what.
	expect(
		count(
			'select 1 from audit_log where after like ? or before like ?',
			`%${tag} closed%`,
			`%${tag} closed%`
		)
	).toBe(0);
	expect(count(`select 1 from audit_log where entity = 'evaluation_rating'`)).toBeGreaterThan(0);
	// The board reads it on its own page and data.
	const board = await apiAs('board');
	expect(await (await board.get('/board/evaluation/__data.json?year=2024-25')).text()).toContain(
		secret
	);
	await board.dispose();
});

test('the self-evaluation: a rating outside the scale refused; the spread, never who rated', async ({
	browser
}) => {
	const items = query<{ id: number; text: string }>(
		'select id, text from self_evaluation_item order by sort_order, id'
	);
	const board = await apiAs('board');
	const before = count('select 1 from self_evaluation_rating');
	const refused = await board.post('/board/self-evaluation?/rate&year=2024-25', {
		form: { [`item-${items[0].id}`]: '6' },
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(await refused.text()).toContain('Rate each item from 1 to 5.');
	expect(count('select 1 from self_evaluation_rating')).toBe(before);
	await board.dispose();

	const page = await as(browser, 'board');
	await page.goto('/board/self-evaluation?year=2024-25');
	await page.getByLabel(new RegExp(items[0].text)).selectOption('2');
	await page.getByRole('button', { name: 'Save my ratings' }).click();
	await expect(page.getByRole('status')).toContainText('The board sees only the spread');
	// Rosa Delgado's account (scripts/demo.ts): her rating is kept under her member id.
	expect(
		query<{ rating: number }>(
			`select r.rating from self_evaluation_rating r join board_member m on 'member:' || m.id = r.rater
			 where m.name = 'Rosa Delgado' and r.school_year = '2024-25' and r.item_id = ?`,
			items[0].id
		)
	).toEqual([{ rating: 2 }]);
	await expectNoAxeViolations(page);

	const anonymous = await apiAs('anonymous');
	const text = await (await anonymous.get('/board-members/__data.json')).text();
	expect(text).toContain(items[0].text);
	expect(text).not.toContain('member:');
	await anonymous.dispose();
});
