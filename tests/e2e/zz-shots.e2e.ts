import { test } from '@playwright/test';
import { query } from './helpers/e2e-db.ts';
test('shots', async ({ page }) => {
	test.setTimeout(180_000);
	const p = query<{ slug: string }>(
		"select slug from priority where status='active' order by sort_order limit 1"
	)[0].slug;
	const code = query<{ code: string }>(
		'select m.code from measure m join priority p on p.id=m.priority_id where p.slug=? order by m.sort_order limit 1',
		p
	)[0].code;
	const pages: [string, string][] = [
		['home', '/'],
		['data', '/data'],
		['data-es', '/es/data'],
		['changes', `/priorities/${p}/changes`],
		['changes-es', `/es/priorities/${p}/changes`],
		['measure', `/measures/${code}`],
		['measure-es', `/es/measures/${code}`],
		['measure-chronic', '/measures/chronic'],
		['priority', `/priorities/${p}`]
	];
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		for (const [name, path] of pages) {
			await page.goto(path);
			await page.screenshot({
				path: `/tmp/shots/${name}-${width}.png`,
				fullPage: name !== 'priority'
			});
		}
	}
});
