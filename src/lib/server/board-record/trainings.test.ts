import { describe, expect, it } from 'vitest';
import { financeLawDueBy, financeLawStanding } from './trainings.ts';

// The deadlines of Education Code 35222 (AB 640, Stats. 2025, ch. 618): a member serving on
// 1 January 2027 completes the training by 1 January 2028; a member taking office later, within a
// year of taking office.
describe('the finance-law training’s due date', () => {
	it('gives a member serving on 1 January 2027 until 1 January 2028', () => {
		expect(financeLawDueBy({ termStart: '2022-12-09' })).toBe('2028-01-01');
		expect(financeLawDueBy({ termStart: '2027-01-01' })).toBe('2028-01-01');
	});

	it('gives a member taking office later a year from the day they take office', () => {
		expect(financeLawDueBy({ termStart: '2028-12-08' })).toBe('2029-12-08');
		// A year after 29 February 2028 is 1 March 2029.
		expect(financeLawDueBy({ termStart: '2028-02-29' })).toBe('2029-03-01');
	});

	it('says done with the first completion, due before the deadline, overdue after it', () => {
		expect(
			financeLawStanding({ termStart: '2022-12-09' }, ['2027-03-04', '2026-11-05'], '2028-06-01')
		).toEqual({
			state: 'done',
			completedOn: '2026-11-05'
		});
		expect(financeLawStanding({ termStart: '2022-12-09' }, [], '2027-12-31')).toEqual({
			state: 'due',
			dueBy: '2028-01-01'
		});
		expect(financeLawStanding({ termStart: '2022-12-09' }, [], '2028-01-02')).toEqual({
			state: 'overdue',
			dueBy: '2028-01-01'
		});
	});
});
