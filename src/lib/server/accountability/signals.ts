import type { Db } from '../db/open.ts';
import type { SignalSource } from '../signals/types.ts';
import { unaddressedReds } from './overview.ts';

const indicatorWords: Record<string, string> = {
	ela: 'English language arts',
	math: 'mathematics',
	elpi: 'English learner progress',
	grad: 'graduation',
	chronic: 'chronic absenteeism',
	susp: 'suspension',
	cci: 'college/career'
};

/** A student group Red on the latest Dashboard that none of the board's priorities addresses. */
export const accountabilitySignals: SignalSource = (db: Db) => {
	const { year, reds } = unaddressedReds(db);
	if (year === null || reds.length === 0) return [];
	const named = reds
		.slice(0, 3)
		.map((r) => `${r.group.name} (${indicatorWords[r.indicator] ?? r.indicator})`);
	const more = reds.length > 3 ? ` and ${reds.length - 3} more` : '';
	return [
		{
			key: 'accountability-unaddressed',
			area: 'accountability',
			message: `No priority addresses ${reds.length === 1 ? 'a Red' : `${reds.length} Reds`} of the ${year} Dashboard: ${named.join(', ')}${more}.`,
			href: '/board/accountability',
			fixLabel: 'See the Reds and the priorities'
		}
	];
};
