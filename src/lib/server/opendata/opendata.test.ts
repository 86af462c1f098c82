import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../exports/cells.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { DbFile } from '../db/open.ts';
import { testDb } from '../testing.ts';
import { seedDemo } from '../demo/index.ts';
import { answerApi } from './api.ts';
import { datasets } from './datasets.ts';
import { csvFile, jsonDocument, jsonFile, publishedColumns, publishedRows } from './files.ts';
import { openApiDocument, rowSchemaName } from './openapi.ts';
import { downloadFile } from './downloads.ts';
import { dcatCatalog } from './dcat.ts';

let db: DbFile;
beforeAll(async () => {
	db = testDb();
	await seedDemo(db);
}, 120_000);
afterAll(() => db.$client.close());

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = (sql: string) => Object.values(db.$client.prepare(sql).get() as object)[0];

/** Every answer of the API and every download, as text: what the public can read. */
function everythingPublished(): string[] {
	const out: string[] = [];
	for (const d of datasets) {
		out.push(JSON.stringify(answerApi(db, d.name, new URLSearchParams('per_page=1000')).body));
		const doc = jsonDocument(db, d, {});
		out.push(JSON.stringify(doc.rows));
		out.push(csvFile(db, d, {}).body);
	}
	return out;
}

describe('the OpenAPI document', () => {
	const doc = openApiDocument();

	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator();
		const result = await validator.validate(structuredClone(doc));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('describes what every documented route answers', () => {
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats(ajv);
		ajv.addSchema({ $id: 'doc', components: doc.components });
		const check = (schema: string, body: unknown, where: string) => {
			const validate = ajv.getSchema(`doc#/components/schemas/${schema}`)!;
			const ok = validate(body);
			expect(validate.errors ?? [], where).toEqual([]);
			expect(ok, where).toBe(true);
		};
		for (const path of Object.keys(doc.paths)) {
			if (path.includes('{')) continue;
			const d = datasets.find((x) => `/${x.name}` === path)!;
			const answer = answerApi(db, d.name, new URLSearchParams('per_page=1000'));
			expect(answer.status, path).toBe(200);
			check(`${rowSchemaName(d)}Page`, answer.body, path);
			const rows = (answer.body as { data: unknown[] }).data;
			expect(rows.length, `${path} has rows`).toBeGreaterThan(0);
		}
		const slug = one("select slug from priority where status = 'active' limit 1") as string;
		const priority = answerApi(db, `priorities/${slug}`, new URLSearchParams());
		expect(priority.status).toBe(200);
		check('PrioritiesRow', (priority.body as { data: unknown }).data, 'priority');
		const measure = answerApi(db, 'measures/ela', new URLSearchParams());
		expect(measure.status).toBe(200);
		check('MeasuresRow', (measure.body as { data: unknown }).data, 'measure');
		// Problems answer with the Problem schema.
		check('Problem', answerApi(db, 'nothing', new URLSearchParams()).body, '404');
		check('Problem', answerApi(db, 'results', new URLSearchParams('year=20')).body, '400');
	});
});

describe('the API', () => {
	it('reads a page of a large table by itself, the same as the page of the whole', () => {
		const results = datasets.find((d) => d.name === 'results')!;
		for (const query of ['per_page=7&page=3', 'school=district&per_page=50&page=2', 'group=ALL']) {
			const params = new URLSearchParams(query);
			const answer = answerApi(db, 'results', params).body as {
				data: unknown[];
				meta: { total: number; page: number; per_page: number };
			};
			const whole = publishedRows(db, results, {
				...(params.get('school') ? { school: params.get('school')! } : {}),
				...(params.get('group') ? { group: params.get('group')! } : {})
			});
			const { page, per_page: perPage } = answer.meta;
			expect(answer.meta.total).toBe(whole.length);
			expect(answer.data).toEqual(whole.slice((page - 1) * perPage, page * perPage));
			expect(answer.data.length).toBeGreaterThan(0);
		}
	});
	it('pages, and filters by year, school and group', () => {
		const page = answerApi(db, 'results', new URLSearchParams('measure=ela&per_page=10&page=2'));
		const body = page.body as {
			data: { measure: string }[];
			meta: { total: number; page: number; pages: number };
			links: { next: string; prev: string };
		};
		expect(body.data).toHaveLength(10);
		expect(body.meta.page).toBe(2);
		expect(body.links.prev).toContain('page=1');
		expect(body.links.next).toContain('page=3');
		expect(body.data.every((r) => r.measure === 'ela')).toBe(true);
		const cds = one('select cds_code from school where excluded = 0 order by name limit 1');
		const filtered = answerApi(
			db,
			'results',
			new URLSearchParams(`year=2023-24&school=${cds}&group=ALL&per_page=1000`)
		).body as { data: { school_year: string; school_cds_code: string; student_group: string }[] };
		expect(filtered.data.length).toBeGreaterThan(0);
		for (const r of filtered.data) {
			expect(r.school_year).toBe('2023-24');
			expect(r.school_cds_code).toBe(cds);
			expect(r.student_group).toBe('ALL');
		}
		const district = answerApi(db, 'results', new URLSearchParams('school=district&group=el'))
			.body as { data: { level: string; student_group: string }[] };
		expect(district.data.every((r) => r.level === 'district' && r.student_group === 'EL')).toBe(
			true
		);
	});

	it('answers a bad parameter with 400 and a message naming it, an unknown address with 404', () => {
		const bad = answerApi(db, 'results', new URLSearchParams('year=2023&colour=red&per_page=0'));
		expect(bad.status).toBe(400);
		expect(bad.contentType).toContain('application/problem+json');
		const problems = (bad.body as { errors: { param: string; message: string }[] }).errors;
		expect(problems.map((p) => p.param).sort()).toEqual(['colour', 'per_page', 'year']);
		expect(problems.find((p) => p.param === 'year')?.message).toContain('2023-24');
		expect(problems.find((p) => p.param === 'colour')?.message).toContain('Unknown parameter');
		// A filter a table does not take is unknown to it.
		expect(answerApi(db, 'priorities', new URLSearchParams('school=district')).status).toBe(400);
		expect(answerApi(db, 'nothing', new URLSearchParams()).status).toBe(404);
		expect(answerApi(db, 'results/1', new URLSearchParams()).status).toBe(404);
		expect(answerApi(db, 'measures/no-such-measure', new URLSearchParams()).status).toBe(404);
	});

	it('takes an item’s key as the router decoded it: a % sign is a key not found, not a fault', () => {
		// The router hands over `/api/v1/measures/%25` as "measures/%" (decoded once already).
		for (const path of ['measures/%', 'priorities/%zz', 'measures/%E0%A4%A']) {
			const answer = answerApi(db, path, new URLSearchParams());
			expect(answer.status, path).toBe(404);
			expect(answer.contentType).toContain('application/problem+json');
		}
		expect(
			(answerApi(db, 'measures/%', new URLSearchParams()).body as { detail: string }).detail
		).toBe('There is no public measure “%”.');
	});

	it('never gives a retired priority, or a measure of one', () => {
		const run = (sql: string) => db.$client.prepare(sql).run();
		run(
			"insert into priority (id, slug, title, status) values (9001, 'retired-one', 'Retired priority title', 'retired')"
		);
		run(
			"insert into measure (id, code, priority_id, name, unit, direction) values (9001, 'retired-measure', 9001, 'Retired measure name', 'percent', 'higher')"
		);
		try {
			expect(answerApi(db, 'priorities/retired-one', new URLSearchParams()).status).toBe(404);
			expect(answerApi(db, 'measures/retired-measure', new URLSearchParams()).status).toBe(404);
			expect(everythingPublished().join('\n')).not.toMatch(/Retired (priority title|measure name)/);
		} finally {
			run('delete from measure where id = 9001');
			run('delete from priority where id = 9001');
		}
	});
});

describe('what is published', () => {
	it(
		'never holds the value or size of a group under the suppression size',
		{ timeout: 60_000 },
		() => {
			const size = Number(one('select suppression_size from district'));
			const truth = new Map(
				all<{ key: string; n: number | null; value: number | null; student_group: string }>(
					`select m.code || ' ' || y.label || ' ' || coalesce(s.cds_code, 'district') || ' ' || r.student_group as key,
					r.n, r.value, r.student_group
				 from result r join measure m on m.id = r.measure_id join school_year y on y.id = r.school_year_id
				 left join school s on s.id = r.school_id`
				).map((r) => [r.key, r])
			);
			const cdsOfDistrict = one('select cds_code from district') as string;
			const rows = answerApi(db, 'results', new URLSearchParams('per_page=1000'));
			const total = (rows.body as { meta: { pages: number } }).meta.pages;
			let small = 0;
			for (let page = 1; page <= total; page++) {
				const body = answerApi(db, 'results', new URLSearchParams(`per_page=1000&page=${page}`))
					.body as {
					data: {
						measure: string;
						school_year: string;
						school_cds_code: string;
						level: string;
						student_group: string;
						value: number | null;
						n: number | null;
						suppressed: boolean;
					}[];
				};
				for (const r of body.data) {
					const where = r.level === 'district' ? 'district' : r.school_cds_code;
					const real = truth.get(`${r.measure} ${r.school_year} ${where} ${r.student_group}`)!;
					expect(real, JSON.stringify(r)).toBeDefined();
					const under = real.n === null ? real.student_group !== 'ALL' : real.n < size;
					if (under) {
						small++;
						expect(r, JSON.stringify(r)).toMatchObject({ value: null, n: null, suppressed: true });
					} else expect(r.value).toBe(real.value);
				}
			}
			expect(small, 'the demo has small groups to suppress').toBeGreaterThan(0);
			expect(cdsOfDistrict).toMatch(/^\d{14}$/);
			// The downloads come from the same rows.
			const csv = Papa.parse<Record<string, string>>(
				csvFile(
					db,
					datasets.find((d) => d.name === 'results')!,
					{}
				).body.replace(/^\uFEFF/, ''),
				{ header: true, skipEmptyLines: true }
			).data;
			expect(
				csv.filter((r) => r.suppressed === 'TRUE').every((r) => r.value === '' && r.n === '')
			).toBe(true);
			expect(csv.filter((r) => r.suppressed === 'TRUE').length).toBe(small);
		}
	);

	it(
		'holds no draft, shared-only or internal text, and no e-mail address',
		{ timeout: 60_000 },
		() => {
			const published = everythingPublished().join('\n');
			expect(published).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
			const secret = all<{ text: string }>(
				`select summary as text from progress_update_version where state <> 'published'
			 union select narrative from progress_update_version where state <> 'published'
			 union select speaker_notes from progress_update_version
			 union select rationale from priority
			 union select description from structure
			 union select title from priority where status = 'retired'`
			)
				.map((r) => r.text)
				.filter((t) => t && t.length > 12);
			const shown = new Set(
				all<{ text: string }>(
					`select summary as text from progress_update_version where state = 'published'
				 union select narrative from progress_update_version where state = 'published'`
				).map((r) => r.text)
			);
			expect(secret.length).toBeGreaterThan(0);
			for (const text of secret) {
				if (shown.has(text)) continue;
				expect(published.includes(text), `published: ${text.slice(0, 60)}`).toBe(false);
			}
		}
	);
});

describe('the files', () => {
	it('are written a batch of rows at a time, byte for byte as the whole file at once', () => {
		const asOf = jsonDocument(db, datasets[0], {}).as_of ?? '';
		for (const d of datasets) {
			for (const filter of [{}, { school: 'district' }, { measure: 'no-such-measure' }]) {
				const json = jsonFile(db, d, filter);
				expect([...json.chunks()].join('')).toBe(
					JSON.stringify(jsonDocument(db, d, filter), null, 1)
				);
				const rows = publishedRows(db, d, filter).map((r) => ({ ...r, as_of: asOf }));
				const whole = stringify(rows, {
					header: true,
					columns: [...publishedColumns(d).map((c) => c.name), 'as_of'],
					bom: true,
					record_delimiter: 'unix',
					cast: { string: spreadsheetSafe, boolean: (v: boolean) => (v ? 'TRUE' : 'FALSE') }
				});
				expect([...csvFile(db, d, filter).chunks()].join('')).toBe(whole);
			}
		}
		// The results come in several chunks.
		expect(
			[
				...csvFile(
					db,
					datasets.find((d) => d.name === 'results')!,
					{}
				).chunks()
			].length
		).toBeGreaterThan(2);
	});
	it('open in a spreadsheet with the right types; formula-like text is neutralised', () => {
		db.$client
			.prepare(
				"update measure set name = '=HYPERLINK(\"x\")', description = '@SUM(A1)' where code = 'ela'"
			)
			.run();
		try {
			const file = downloadFile(db, 'results.csv', new URLSearchParams('measure=ela&group=ALL'));
			expect(file.status).toBe(200);
			if (file.status !== 200) return;
			expect(file.contentType).toBe('text/csv; charset=utf-8');
			expect(file.body.startsWith('\uFEFF')).toBe(true);
			const parsed = Papa.parse<Record<string, unknown>>(file.body.slice(1), {
				header: true,
				dynamicTyping: true,
				skipEmptyLines: true
			});
			const row = parsed.data.find((r) => r.level === 'district')!;
			expect(typeof row.value).toBe('number');
			expect(row.value as number).toBeLessThan(0);
			expect(typeof row.n).toBe('number');
			expect(row.suppressed).toBe(false);
			expect(row.school_year).toMatch(/^\d{4}-\d{2}$/);
			expect(row.source).toMatch(/^eladownload20\d\ddownload|^eladownload\d{4}\.txt$/);
			expect(row.as_of).toBeTruthy();
			// A negative number written as a number stays one: no apostrophe.
			expect(file.body).toMatch(/,-\d+(\.\d+)?,/);
			const measures = downloadFile(db, 'measures.csv', new URLSearchParams('measure=ela'));
			if (measures.status !== 200) throw new Error('no file');
			expect(measures.body).toContain(`"'=HYPERLINK(""x"")"`);
			expect(measures.body).toContain("'@SUM(A1)");
		} finally {
			db.$client
				.prepare(
					"update measure set name = 'English language arts: distance from standard', description = null where code = 'ela'"
				)
				.run();
		}
	});

	it('refuses a bad filter with the reason and an unknown file with 404', () => {
		const bad = downloadFile(db, 'results.csv', new URLSearchParams('school=abc'));
		expect(bad).toMatchObject({ status: 400 });
		expect(downloadFile(db, 'secrets.csv', new URLSearchParams())).toMatchObject({ status: 404 });
		expect(downloadFile(db, 'results.xlsx', new URLSearchParams())).toMatchObject({ status: 404 });
	});

	it('are listed in a DCAT-US catalog', () => {
		const catalog = dcatCatalog(db, 'https://example.org');
		expect(catalog.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
		expect(catalog.dataset).toHaveLength(datasets.length);
		for (const d of catalog.dataset) {
			for (const field of [
				'title',
				'description',
				'keyword',
				'modified',
				'publisher',
				'contactPoint',
				'identifier',
				'accessLevel'
			])
				expect(d, field).toHaveProperty(field);
			expect(d.distribution.map((x) => x.format)).toEqual(['CSV', 'JSON', 'API']);
		}
	});
});
