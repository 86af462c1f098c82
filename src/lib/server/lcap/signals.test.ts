// The mid-year report's signal: due by 28 February of the school year (a non-consent item the
// state requires since 2023), raised from 1 December when no meeting by then carries it.
import { describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import { lcapSignals, midYearDue } from './signals.ts';
import type { SignalContext } from '../signals/types.ts';

const at = (today: string) => ({ today, settings: {} }) as unknown as SignalContext;

function district() {
	const db = testDb();
	const run = (sql: string) => db.$client.prepare(sql).run();
	run("insert into lcap_cycle (label) values ('2024-27')");
	run("insert into lcap_version (cycle_id, year) values (1, '2024-25')");
	run(
		"insert into board_meeting (held_on, title) values ('2025-02-13', 'February'), ('2025-03-13', 'March')"
	);
	return { db, run };
}

describe('the mid-year report is due by 28 February', () => {
	it('is due in the school year of the day', () => {
		expect(midYearDue('2024-12-05')).toEqual({ year: '2024-25', due: '2025-02-28' });
		expect(midYearDue('2025-06-15')).toEqual({ year: '2024-25', due: '2025-02-28' });
	});

	it('signals from December when no meeting carries it', () => {
		const { db } = district();
		expect(lcapSignals(db, at('2024-11-20'))).toEqual([]);
		const [signal] = lcapSignals(db, at('2024-12-02'));
		expect(signal.key).toBe('lcap-midyear:2024-25');
		expect(signal.message).toBe(
			'No meeting by February 28, 2025 carries the 2024-25 LCAP mid-year report, due to the board by then.'
		);
	});

	it('signals a report on a meeting after 28 February, not one before', () => {
		const { db, run } = district();
		run(
			"insert into lcap_midyear_report (year, as_of, meeting_id) values ('2024-25', '2024-12-10', 2)"
		);
		expect(lcapSignals(db, at('2025-01-10'))[0].message).toContain('after it is due');
		run('update lcap_midyear_report set meeting_id = 1');
		expect(lcapSignals(db, at('2025-01-10'))).toEqual([]);
	});

	it('says nothing to a district without an LCAP', () => {
		expect(lcapSignals(testDb(), at('2025-01-10'))).toEqual([]);
	});
});
