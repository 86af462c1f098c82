// The open data's addresses against the production server, with what a prober sends (issue 38):
// percent signs, invalid UTF-8, NUL, 10,000-character segments, repeated and unknown parameters,
// huge page numbers. Each answer is a 2xx JSON or CSV, or a refusal (4xx) written as
// application/problem+json; never a 5xx, never HTML, never a dropped connection, and in good time.
import { expect, test, type APIRequestContext } from '@playwright/test';

// Generous: the suite shares two cores with a build and other browsers.
const timeBoundMs = 10_000;

const long = 'a'.repeat(10_000);

/** Query strings a prober tries on a list, as sent (already percent-encoded where they are). */
const queries = [
	'page=99999999999999999999',
	'page=1e308',
	'page=1e400',
	'page=-1',
	'page=0',
	'page=1.5',
	'page=NaN',
	'per_page=1000&page=999999999',
	'per_page=1001',
	'page=1&page=2',
	'measure=ela&measure=ela',
	'colour=red',
	'a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10',
	Array.from({ length: 200 }, () => 'page=1').join('&'),
	'school=%C0%AE',
	'school=%00',
	'measure=%2541',
	'measure=%',
	'measure=%25',
	'measure=%E2%82',
	'%FF=1',
	'%00',
	'&&&=&==',
	'year=%2B%2B',
	`measure=${long}`,
	`${long}=1`
];

/** Paths a prober tries, as sent. */
const paths = [
	'/api/v1/measures/%25',
	'/api/v1/priorities/%25zz',
	'/api/v1/measures/%C0%AE',
	'/api/v1/measures/%00',
	'/api/v1/measures/%',
	'/api/v1/measures/%E0%A4%A',
	'/api/v1/measures/%2541',
	'/api/v1/measures/%252e%252e%252f',
	'/api/v1/measures/..%2f..%2fetc%2fpasswd',
	`/api/v1/measures/${long}`,
	`/api/v1/${long}`,
	`/api/v1/${'%25'.repeat(600)}`,
	'/api/v1/results/1/2/3',
	'/api/v1/%FF',
	'/api/v1/measures/ela?x=1',
	'/data/%25.csv',
	'/data/%C0%AE.json',
	'/data/results.csv%00',
	`/data/${long}.json`,
	'/data/nothing.csv',
	'/data/results.xml',
	'/data/a/b/c.csv'
];

async function probe(request: APIRequestContext, url: string) {
	const started = Date.now();
	const response = await request.get(url, { timeout: timeBoundMs * 3, maxRedirects: 0 });
	const took = Date.now() - started;
	const status = response.status();
	const type = response.headers()['content-type'] ?? '';
	const shown = url.length > 120 ? `${url.slice(0, 120)}…` : url;
	expect(status, shown).toBeLessThan(500);
	if (status >= 400) {
		expect(type, `${shown} (${status})`).toContain('application/problem+json');
		const problem = (await response.json()) as { status: number; detail: string };
		expect(problem.status, shown).toBe(status);
		expect(problem.detail.length, shown).toBeGreaterThan(0);
	} else {
		expect(status, shown).toBeLessThan(300);
		expect(type, shown).toMatch(/application\/json|text\/csv/);
	}
	expect(took, `${shown} answered in ${took} ms`).toBeLessThan(timeBoundMs);
	return { status, type };
}

test('the API and the downloads answer any path with JSON, CSV or a problem document, never a 5xx', async ({
	request
}) => {
	test.setTimeout(300_000);
	for (const path of paths) await probe(request, path);
	// The probe's findings, by name: a % sign decoded twice, and invalid UTF-8.
	expect((await probe(request, '/api/v1/measures/%25')).status).toBe(404);
	expect((await probe(request, '/api/v1/priorities/%25zz')).status).toBe(404);
	expect((await probe(request, '/api/v1/measures/%C0%AE')).status).toBe(400);
	expect((await probe(request, '/data/%C0%AE.json')).status).toBe(400);
	// Past node:http's 16 KB for the request line and headers, the server itself answers: a
	// problem document as well.
	expect((await probe(request, `/api/v1/measures/${'a'.repeat(20_000)}`)).status).toBe(431);
});

test('every list of the API and its download take any query without a 5xx', async ({ request }) => {
	test.setTimeout(600_000);
	const catalog = (await (await request.get('/api/v1')).json()) as { datasets: string[] };
	expect(catalog.datasets.length).toBeGreaterThan(5);
	for (const path of catalog.datasets) {
		const name = path.split('/').at(-1)!;
		for (const query of queries) {
			await probe(request, `${path}?${query}`);
			await probe(request, `/data/${name}.json?${query}`);
		}
	}
	// A repeated or unknown parameter is refused, naming it.
	const repeated = await request.get('/api/v1/results?measure=ela&measure=ela');
	expect(repeated.status()).toBe(400);
	expect(await repeated.text()).toContain('Give \\"measure\\" once.');
	expect((await probe(request, '/api/v1/results?school=%00')).status).toBe(400);
	expect((await probe(request, '/api/v1/results?page=1e400')).status).toBe(400);
	// A page beyond whole numbers a computer counts exactly is refused, naming it; one far past
	// the end is an empty page, not a fault.
	const huge = await probe(request, '/api/v1/results?page=99999999999999999999');
	expect(huge.status).toBe(400);
	const far = await request.get('/api/v1/results?page=999999999');
	expect(far.status()).toBe(200);
	expect(((await far.json()) as { data: unknown[] }).data).toEqual([]);
});
