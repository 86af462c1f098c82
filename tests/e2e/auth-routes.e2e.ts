// The route × role matrix, generated from src/routes: every page (and its __data.json), form action
// and endpoint, for the public and each role. Expectations: tests/e2e/route-access.ts.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { apiAs, viewers, type Viewer } from './helpers/auth.ts';
import { concretePath, routeTree } from './helpers/route-tree.ts';
import { routeAccess, type Need, type Outcome } from './route-access.ts';
import { exampleParams } from './helpers/route-params.ts';

const access: Record<Exclude<Need, 'public'>, Viewer[]> = {
	board: ['board', 'staff', 'superintendent', 'admin'],
	edit: ['staff', 'superintendent', 'admin'],
	publish: ['superintendent'],
	hold: ['superintendent', 'admin'],
	ask: ['board'],
	verdict: ['board', 'staff', 'admin'],
	evaluate: ['board'],
	selfRate: ['board', 'superintendent'],
	admin: ['admin'],
	account: ['board', 'staff', 'superintendent', 'admin']
};

function allowed(need: Need, viewer: Viewer): boolean {
	return need === 'public' || access[need].includes(viewer);
}

function expected(need: Need, viewer: Viewer): Outcome {
	if (allowed(need, viewer)) return 200;
	return viewer === 'anonymous' ? 'login' : 403;
}

const tree = routeTree();

test('every route in src/routes has an entry in route-access.ts, and every entry a route', () => {
	const ids = tree.map((r) => r.id);
	const missing = ids.filter((id) => !(id in routeAccess));
	expect(
		missing,
		`Routes with no entry in tests/e2e/route-access.ts: ${missing.join(', ')}`
	).toEqual([]);
	const stale = Object.keys(routeAccess).filter((id) => !ids.includes(id));
	expect(stale, `Entries in route-access.ts for routes that no longer exist`).toEqual([]);
	for (const r of tree) {
		const entry = routeAccess[r.id];
		expect(
			!!entry.page,
			`${r.id}: page access ${r.page ? 'missing' : 'given but there is no page'}`
		).toBe(r.page);
		expect(Object.keys(entry.actions ?? {}).sort(), `${r.id}: form actions`).toEqual(
			[...r.actions].sort()
		);
		expect(Object.keys(entry.endpoints ?? {}).sort(), `${r.id}: endpoint methods`).toEqual(
			r.methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS').sort()
		);
	}
});

const clients = new Map<Viewer, APIRequestContext>();
test.beforeAll(async () => {
	for (const v of viewers) clients.set(v, await apiAs(v));
});
test.afterAll(async () => {
	for (const c of clients.values()) await c.dispose();
});

function check(response: APIResponse, outcome: Outcome, what: string) {
	if (outcome === 'login') {
		expect(response.status(), what).toBe(303);
		expect(response.headers()['location'] ?? '', what).toMatch(/^\/login\?redirectTo=/);
	} else expect(response.status(), what).toBe(outcome);
}

async function checkData(response: APIResponse, outcome: Outcome, what: string) {
	expect(response.status(), what).toBe(200);
	const body = (await response.json()) as {
		type: string;
		location?: string;
		nodes?: ({ type: string; status?: number } | null)[];
	};
	if (outcome === 'login') {
		expect(body.type, what).toBe('redirect');
		expect(body.location ?? '', what).toMatch(/^\/login\?redirectTo=/);
	} else if (outcome === 403 || outcome === 404) {
		expect(body.type, what).toBe('data');
		expect(
			body.nodes?.some((n) => n?.type === 'error' && n.status === outcome),
			what
		).toBe(true);
	} else {
		expect(body.type, what).toBe('data');
		expect(
			body.nodes?.filter((n) => n?.type === 'error'),
			what
		).toEqual([]);
	}
}

for (const route of tree) {
	const entry = routeAccess[route.id];
	if (!entry) continue;
	test(`access to ${route.id}`, async () => {
		const path = concretePath(route.id, exampleParams(entry));
		const dataPath = (path === '/' ? '' : path) + '/__data.json';
		for (const viewer of viewers) {
			const client = clients.get(viewer)!;
			if (entry.page) {
				const outcome = entry.expect?.[`GET ${viewer}`] ?? expected(entry.page, viewer);
				const page = await client.get(path, { headers: { accept: 'text/html' } });
				check(page, outcome, `GET ${path} as ${viewer}`);
				const data = await client.get(dataPath);
				await checkData(data, outcome, `GET ${dataPath} as ${viewer}`);
			}
			for (const [action, need] of Object.entries(entry.actions ?? {})) {
				if (allowed(need, viewer)) continue; // allowed writes are tested by each feature's own tests
				const url = action === 'default' ? path : `${path}?/${action}`;
				const outcome = entry.expect?.[`${action} ${viewer}`] ?? expected(need, viewer);
				const response = await client.post(url, {
					form: { probe: '1' },
					headers: { accept: 'text/html' }
				});
				check(response, outcome, `POST ${url} as ${viewer}`);
			}
			for (const [method, need] of Object.entries(entry.endpoints ?? {})) {
				const key = `${method} ${viewer}`;
				const safe = method === 'GET';
				// Unsafe methods: only by those who must be refused (and anonymous for a public one).
				if (!safe && allowed(need, viewer) && !(need === 'public' && viewer === 'anonymous'))
					continue;
				const outcome = entry.expect?.[key] ?? expected(need, viewer);
				const response = await client.fetch(path, { method, headers: { accept: 'text/html' } });
				check(response, outcome, `${method} ${path} as ${viewer}`);
			}
		}
	});
}
