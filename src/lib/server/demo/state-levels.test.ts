import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { seedDemo } from './index.ts';

describe('the demo’s state colors and levels', () => {
	it('rates its Dashboard measures as the state does: 2021-22 status only, small groups uncolored', async () => {
		const db = testDb();
		await seedDemo(db);
		const rows = db.$client
			.prepare(
				`select y.label, r.state_color as color, r.status_level as status, r.change_level as change,
				 r.color_missing as missing, r.n from result r join measure m on m.id = r.measure_id
				 join school_year y on y.id = r.school_year_id where m.code = 'ela' and r.value is not null`
			)
			.all() as {
			label: string;
			color: number | null;
			status: number;
			change: number | null;
			missing: string | null;
			n: number | null;
		}[];
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.status >= 1 && r.status <= 5)).toBe(true);
		const colored = rows.filter((r) => r.color !== null);
		expect(colored.length).toBeGreaterThan(rows.length / 3);
		expect(new Set(colored.map((r) => r.color)).size).toBeGreaterThanOrEqual(3);
		expect(rows.filter((r) => r.label === '2021-22').every((r) => r.color === null)).toBe(true);
		expect(
			rows.filter((r) => r.n !== null && r.n < 30).every((r) => r.missing === 'small-group')
		).toBe(true);
		// A measure the state does not rate has none.
		const other = db.$client
			.prepare(
				"select count(*) from result r join measure m on m.id = r.measure_id where m.code = 'literacy-cycle' and r.status_level is not null"
			)
			.pluck()
			.get();
		expect(other).toBe(0);
	});
});
