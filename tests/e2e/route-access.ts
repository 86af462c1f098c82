// WHO MAY OPEN WHAT — the expectations of the route × role matrix (auth-routes.e2e.ts).
//
// Every page, form action and endpoint under src/routes needs an entry here, or the matrix fails
// ("… has no entry in tests/e2e/route-access.ts"). When you add a route, add one line:
//
//   '/board/meetings': { page: 'board' },
//   '/manage/priorities': { page: 'edit', actions: { create: 'edit', update: 'edit', delete: 'edit' } },
//   '/present/[meetingId]': { page: 'edit', params: { meetingId: { sql: 'select id from meeting limit 1' } } },
//   '/api/export.csv': { endpoints: { GET: 'board' } },
//
// The values are the access sets of src/lib/server/auth/guard.ts ('board', 'edit', 'publish',
// 'ask', 'admin', 'account' = any signed-in person) or 'public'. The matrix then expects, for a
// page and its __data.json: the public → 200; otherwise anonymous → redirect to /login, a role in
// the set → 200, any other role → 403. Form actions and non-GET endpoints are POSTed only by the
// roles that must be refused (anonymous → redirect to /login, others → 403), so nothing is changed;
// a public one only by anonymous.
// Dynamic routes give `params` that exist in the demo district: a value, or { sql } that picks one
// from the test database (reports/e2e.db). `expect` overrides one outcome.

export type Need = 'public' | 'board' | 'edit' | 'publish' | 'ask' | 'admin' | 'account';
export type Outcome = 200 | 303 | 403 | 404 | 405 | 'login';

export interface RouteAccess {
	/** Who may load the page (and its __data.json). */
	page?: Need;
	/** Who may POST each form action (`default` for an unnamed one). */
	actions?: Record<string, Need>;
	/** Who may call each method of +server.ts. */
	endpoints?: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Need>>;
	/** Example values for the route's [params], existing in the demo data. */
	params?: Record<string, string | { sql: string }>;
	/** Per-viewer exceptions, e.g. { 'POST anonymous': 303 } for an endpoint that redirects home. */
	expect?: Record<string, Outcome>;
}

export const routeAccess: Record<string, RouteAccess> = {
	// Public
	'/': { page: 'public' },
	'/login': { page: 'public', actions: { default: 'public' } },
	'/priorities/[slug]': {
		page: 'public',
		params: {
			slug: { sql: "select slug from priority where status = 'active' order by id limit 1" }
		}
	},
	'/schools': { page: 'public' },
	'/schools/[cds]': {
		page: 'public',
		params: {
			cds: { sql: "select cds_code from school where status = 'open' order by id limit 1" }
		}
	},
	// POST only; without a session it just goes home.
	'/logout': { endpoints: { POST: 'public' }, expect: { 'POST anonymous': 303 } },

	// Any signed-in person
	'/account': {
		page: 'account',
		actions: { changePassword: 'account', signOutEverywhere: 'account' }
	},

	// Administration
	'/admin': { page: 'admin' },
	'/admin/users': { page: 'admin', actions: { create: 'admin' } },
	'/admin/users/[id]': {
		page: 'admin',
		params: { id: 'demo-board' },
		actions: {
			changeRole: 'admin',
			deactivate: 'admin',
			reactivate: 'admin',
			resetPassword: 'admin'
		}
	},
	'/admin/settings': { page: 'admin', actions: { update: 'admin' } },
	'/admin/audit': { page: 'admin' }
};
