// WHO MAY OPEN WHAT — the expectations of the route × role matrix (auth-routes.e2e.ts).
//
// Every page, form action and endpoint under src/routes needs an entry here, or the matrix fails
// ("… has no entry in tests/e2e/route-access.ts"). When you add a route, add one line:
//
//   '/board/meetings': { page: 'board' },
//   '/manage/priorities': { page: 'edit', actions: { create: 'edit', update: 'edit', delete: 'edit' } },
//   '/present/[meetingId]': { page: 'edit', params: { meetingId: { sql: 'select id from meeting limit 1' } } },
//   '/api/export.csv': { endpoints: { GET: 'board' } },
//   ...editorsList('/manage/things'),   // a list the editors keep: its page, new and [id]
//
// The values are the access sets of src/lib/server/auth/guard.ts ('board', 'edit', 'publish',
// 'hold', 'ask', 'admin', 'account' = any signed-in person) or 'public'. The matrix then expects, for a
// page and its __data.json: the public → 200; otherwise anonymous → redirect to /login, a role in
// the set → 200, any other role → 403. Form actions and non-GET endpoints are POSTed only by the
// roles that must be refused (anonymous → redirect to /login, others → 403), so nothing is changed;
// a public one only by anonymous.
// Dynamic routes give `params` that exist in the demo district: a value, or { sql } that picks one
// from the test database (reports/e2e.db). `expect` overrides one outcome.

export type Need =
	| 'public'
	| 'board'
	| 'edit'
	| 'publish'
	| 'hold'
	| 'ask'
	| 'verdict'
	| 'evaluate'
	| 'selfRate'
	| 'admin'
	| 'account';
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

// Example values and outcomes that several entries share, written once.
const anActivePriority = {
	sql: "select slug from priority where status = 'active' order by id limit 1"
};
const aHeldMeeting = {
	sql: 'select id from board_meeting where held_at is not null order by id limit 1'
};
const anOpenSchool = { sql: "select id from school where status = 'open' order by id limit 1" };
const notFoundForEveryone: Record<string, Outcome> = {
	'GET anonymous': 404,
	'GET board': 404,
	'GET staff': 404,
	'GET superintendent': 404,
	'GET admin': 404
};

/**
 * A list the editors keep (priorities, measures, structures…): its page, `new` to add one and
 * `[id]` to change or delete one (demo id 1), with any further actions of `[id]`.
 */
function editorsList(path: string, moreActions: Record<string, Need> = {}) {
	return {
		[path]: { page: 'edit' },
		[`${path}/new`]: { page: 'edit', actions: { create: 'edit' } },
		[`${path}/[id]`]: {
			page: 'edit',
			params: { id: '1' },
			actions: { update: 'edit', delete: 'edit', ...moreActions }
		}
	} satisfies Record<string, RouteAccess>;
}

export const routeAccess: Record<string, RouteAccess> = {
	// Public
	'/': { page: 'public' },
	'/accessibility': { page: 'public' },
	'/login': { page: 'public', actions: { default: 'public' } },
	// Only with the one-time token on an empty database; the demo district has one, so 404.
	'/setup': {
		page: 'public',
		actions: { default: 'public' },
		expect: notFoundForEveryone
	},
	'/login/code': { page: 'public', actions: { default: 'public' } },
	'/priorities/[slug]': {
		page: 'public',
		params: { slug: anActivePriority }
	},
	'/schools': { page: 'public' },
	'/accountability': { page: 'public' },
	'/board/accountability': { page: 'board' },
	// The board's own record: members are kept by an administrator (there is no board-president role).
	'/board/members': {
		page: 'board',
		actions: { create: 'admin', update: 'admin', training: 'admin' }
	},
	'/board-members': { page: 'public' },
	'/board/self-evaluation': {
		page: 'board',
		actions: { example: 'evaluate', item: 'evaluate', goals: 'evaluate', rate: 'selfRate' }
	},
	'/board/evaluation': {
		page: 'board',
		actions: { conclusions: 'evaluate', rate: 'evaluate', adopt: 'evaluate' }
	},
	// Open data (issue 19)
	'/data': { page: 'public' },
	'/data/[file]': { endpoints: { GET: 'public' }, params: { file: 'results.csv' } },
	'/data.json': { endpoints: { GET: 'public' } },
	// The district's logo in the header; the demo district has none.
	'/logo': { endpoints: { GET: 'public' }, expect: notFoundForEveryone },
	'/api/v1/[...path]': { endpoints: { GET: 'public' }, params: { path: 'priorities' } },
	'/measures/[code]': {
		page: 'public',
		params: {
			code: {
				sql: "select m.code from measure m join priority p on p.id = m.priority_id where p.status = 'active' order by m.id limit 1"
			}
		}
	},
	'/priorities/[slug]/changes': {
		page: 'public',
		params: { slug: anActivePriority }
	},
	'/schools/[cds]': {
		page: 'public',
		params: {
			cds: { sql: "select cds_code from school where status = 'open' order by id limit 1" }
		}
	},
	// The public record of held meetings (issue 17); a meeting not held is not found.
	'/meetings': { page: 'public' },
	'/meetings/[id]': {
		page: 'public',
		params: { id: aHeldMeeting }
	},
	'/meetings/[id]/record.pdf': {
		endpoints: { GET: 'public' },
		params: { id: aHeldMeeting }
	},
	// POST only; without a session it just goes home.
	'/logout': { endpoints: { POST: 'public' }, expect: { 'POST anonymous': 303 } },

	// Any signed-in person
	'/account': {
		page: 'account',
		actions: { changePassword: 'account', signOutEverywhere: 'account', notices: 'account' }
	},
	// The one-click link of an e-mail: its signed token is the permission; without one, not found.
	'/notices/unsubscribe': {
		page: 'public',
		actions: { default: 'public' },
		expect: {
			'GET anonymous': 404,
			'GET board': 404,
			'GET staff': 404,
			'GET superintendent': 404,
			'GET admin': 404
		}
	},
	'/account/two-factor': {
		page: 'account',
		actions: { start: 'account', confirm: 'account', newCodes: 'account', disable: 'account' }
	},

	// Import and export
	'/manage/imports': {
		page: 'edit',
		actions: {
			upload: 'edit',
			confirm: 'edit',
			confirmAll: 'edit',
			cancel: 'edit',
			cancelAll: 'edit'
		}
	},
	'/manage/imports/templates/[file]': {
		endpoints: { GET: 'edit' },
		params: { file: 'results-template.csv' }
	},
	'/manage/exports': { page: 'board' },
	'/manage/exports/[file]': { endpoints: { GET: 'board' }, params: { file: 'results.csv' } },

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
			resetPassword: 'admin',
			resetTwoFactor: 'admin'
		}
	},
	'/admin/settings': {
		page: 'admin',
		actions: { update: 'admin', logo: 'admin', removeLogo: 'admin' }
	},
	'/admin/audit': { page: 'admin' },
	'/admin/notices': { page: 'admin', actions: { check: 'admin', retry: 'admin' } },

	// The throughline (issue 4): the board reads, staff and the superintendent edit
	'/board': { page: 'board' },
	'/board/throughline': { page: 'board' },
	'/manage': { page: 'edit' },
	'/manage/setup': { page: 'edit' },
	'/manage/student-groups': { page: 'edit', actions: { rename: 'edit', kind: 'edit' } },
	'/manage/schools': { page: 'edit' },
	'/manage/schools/new': { page: 'edit', actions: { create: 'edit' } },
	'/manage/schools/[id]': {
		page: 'edit',
		actions: { update: 'edit', exclude: 'edit', include: 'edit' },
		params: { id: anOpenSchool }
	},
	'/manage/schools/[id]/merge': {
		page: 'edit',
		actions: { merge: 'edit' },
		params: { id: anOpenSchool }
	},
	...editorsList('/manage/priorities', { recordPlan: 'edit' }),
	...editorsList('/manage/measures'),
	...editorsList('/manage/structures', {
		linkPolicy: 'edit',
		unlinkPolicy: 'edit',
		priorities: 'edit'
	}),
	...editorsList('/manage/policies'),
	...editorsList('/manage/not-doing'),
	// Context (issue 33): event notes and the district's breaks in a series
	...editorsList('/manage/notes', {}),
	'/manage/notes': { page: 'edit', actions: { addBreak: 'edit', deleteBreak: 'edit' } },
	...editorsList('/manage/initiatives'),
	// Reach
	'/board/coherence': { page: 'board' },
	'/board/scale': { page: 'board' },
	'/board/priorities/[slug]': {
		page: 'board',
		params: { slug: anActivePriority }
	},
	'/board/leadership': { page: 'board' },
	'/manage/check-ins': { page: 'edit', actions: { save: 'edit' } },
	'/manage/leadership': {
		page: 'edit',
		actions: {
			createTenure: 'edit',
			updateTenure: 'edit',
			deleteTenure: 'edit',
			createEngagement: 'edit',
			deleteEngagement: 'edit'
		}
	},
	// Meetings, updates, feedback
	'/board/meetings': { page: 'board' },
	'/board/meetings/[id]': {
		page: 'board',
		params: { id: '1' },
		actions: { ask: 'ask', answer: 'edit', hold: 'hold', verdict: 'verdict', certify: 'publish' }
	},
	'/board/meetings/[id]/packet': { page: 'board', params: { id: '1' } },
	'/board/meetings/[id]/agenda.csv': { endpoints: { GET: 'board' }, params: { id: '1' } },
	// A calendar app's feed: no session; the signed link is the authorization (meetings.e2e.ts
	// checks it). Without one, it is not found for everyone.
	'/board/calendar.ics': {
		endpoints: { GET: 'public' },
		expect: notFoundForEveryone
	},
	'/present/[meetingId]/[[slide]]': { page: 'board', params: { meetingId: '1', slide: '2' } },
	'/board/feedback': { page: 'board' },
	'/manage/meetings': { page: 'edit', actions: { create: 'edit' } },
	'/manage/meetings/[id]': {
		page: 'edit',
		params: { id: '1' },
		actions: {
			update: 'edit',
			delete: 'edit',
			addItem: 'edit',
			updateItem: 'edit',
			deleteItem: 'edit',
			setDue: 'edit'
		}
	},
	'/manage/meetings/[id]/updates/[priorityId]': {
		page: 'edit',
		params: { id: '1', priorityId: '1' },
		actions: { save: 'edit', share: 'edit', publish: 'publish' }
	},
	'/manage/feedback': { page: 'edit', actions: { create: 'edit' } },
	'/manage/feedback/[id]': {
		page: 'edit',
		params: { id: '1' },
		actions: { update: 'edit', close: 'edit', reopen: 'edit', delete: 'edit' }
	},

	// The LCAP beside the board's priorities (issue 32)
	'/lcap': { page: 'public' },
	'/board/lcap': { page: 'board' },
	'/manage/lcap': { page: 'edit', actions: { threshold: 'edit' } },
	'/manage/lcap/import': {
		page: 'edit',
		actions: { upload: 'edit', confirm: 'edit', cancel: 'edit' }
	},
	'/manage/lcap/templates/[file]': {
		endpoints: { GET: 'edit' },
		params: { file: 'lcap-actions-template.csv' }
	},
	'/manage/lcap/goals/[id]': {
		page: 'edit',
		params: { id: { sql: 'select id from lcap_goal order by id limit 1' } },
		actions: { priorities: 'edit', structure: 'edit', measure: 'edit' }
	},
	'/manage/lcap/mid-year/[id]': {
		page: 'edit',
		params: { id: { sql: 'select id from lcap_midyear_report order by id limit 1' } },
		actions: { meeting: 'edit', statuses: 'edit' }
	}
};
