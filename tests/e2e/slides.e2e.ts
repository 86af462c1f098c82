// Slides fit the screen (issue 17): every slide of the demo meetings with the longest updates, at the projector and
// laptop sizes a superintendent meets, without scrolling — the figure, the trend and the controls
// all above the edge.
import { expect, test } from '@playwright/test';
import { storageStateFor } from './helpers/auth';
import { query } from './helpers/db.ts';

const sizes = [
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 },
	{ width: 1024, height: 768 }
];

test.use({ storageState: storageStateFor('board') });

for (const size of sizes) {
	test(`every slide fits ${size.width}×${size.height} without scrolling`, async ({ page }) => {
		test.setTimeout(300_000);
		// The meetings whose updates say the most (what the board may read: shared or published),
		// and one with none: the longest texts are what must still fit.
		const meetings = query<{ id: number }>(
			`select * from (select m.id from board_meeting m
			   join progress_update u on u.meeting_id = m.id
			   join progress_update_version v on v.update_id = u.id and v.state <> 'draft'
			   group by m.id
			   order by max(length(v.summary) + length(v.learned) + length(v.adjustments)) desc limit 8)
			 union select * from (select id from board_meeting
			   where id not in (select meeting_id from progress_update) limit 1)`
		);
		expect(meetings.length).toBeGreaterThan(0);
		await page.setViewportSize(size);
		const tooTall: string[] = [];
		let checked = 0;
		for (const { id } of meetings) {
			for (let n = 1; ; n++) {
				const response = await page.goto(`/present/${id}/${n}`);
				expect(response?.status()).toBe(200);
				// Past the last slide the deck sends you to the last one.
				if (!page.url().endsWith(`/present/${id}/${n}`)) break;
				checked++;
				const { scroll, inner, controls } = await page.evaluate(() => ({
					scroll: document.documentElement.scrollHeight,
					inner: innerHeight,
					controls: document.querySelector('nav.controls')?.getBoundingClientRect().bottom ?? 0
				}));
				if (scroll > inner || controls > inner)
					tooTall.push(
						`/present/${id}/${n}: ${scroll} px (controls end at ${Math.round(controls)})`
					);
			}
		}
		expect(checked).toBeGreaterThan(meetings.length * 3);
		expect(tooTall).toEqual([]);
	});
}
