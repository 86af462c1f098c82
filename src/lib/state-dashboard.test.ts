// The state's words for its levels, by indicator, in English and Spanish. The expected words are
// written by hand from ../shared/data/STATE-FILES.md ("statuslevel and changelevel are coded by
// performance, 1 = worst … 5 = best … the words depend on the indicator's direction") and the
// Spanish words this project uses for the state's levels; never read from the code under test.
import { describe, expect, it } from 'vitest';
import { changeLevelWord, colorWord, statusLevelWord } from './state-dashboard.ts';

// Each indicator with the direction its measure has (higher or lower is better).
const indicators = {
	ela: 'higher',
	math: 'higher',
	science: 'higher',
	grad: 'higher',
	cci: 'higher',
	elpi: 'higher',
	chronic: 'lower',
	susp: 'lower'
} as const;

const status = {
	higher: {
		en: ['Very Low', 'Low', 'Medium', 'High', 'Very High'],
		es: ['Muy bajo', 'Bajo', 'Medio', 'Alto', 'Muy alto']
	},
	lower: {
		en: ['Very High', 'High', 'Medium', 'Low', 'Very Low'],
		es: ['Muy alto', 'Alto', 'Medio', 'Bajo', 'Muy bajo']
	}
};
const change = {
	higher: {
		en: [
			'Declined Significantly',
			'Declined',
			'Maintained',
			'Increased',
			'Increased Significantly'
		],
		es: [
			'Disminuyó considerablemente',
			'Disminuyó',
			'Se mantuvo',
			'Aumentó',
			'Aumentó considerablemente'
		]
	},
	lower: {
		en: [
			'Increased Significantly',
			'Increased',
			'Maintained',
			'Declined',
			'Declined Significantly'
		],
		es: [
			'Aumentó considerablemente',
			'Aumentó',
			'Se mantuvo',
			'Disminuyó',
			'Disminuyó considerablemente'
		]
	}
};

describe("the state's words for its levels", () => {
	for (const [indicator, direction] of Object.entries(indicators))
		for (const locale of ['en', 'es'] as const)
			it(`${indicator} in ${locale}: levels 1 … 5`, () => {
				for (let level = 1; level <= 5; level++) {
					expect(statusLevelWord(level, direction, locale)).toBe(
						status[direction][locale][level - 1]
					);
					expect(changeLevelWord(level, direction, locale)).toBe(
						change[direction][locale][level - 1]
					);
				}
			});

	it('reads the rows STATE-FILES.md gives as examples (Monterey Peninsula Unified, 2023)', () => {
		// chronicdownload2023.txt: 26.7 %, statuslevel 1, changelevel 4, color 2.
		expect(statusLevelWord(1, 'lower', 'en')).toBe('Very High');
		expect(changeLevelWord(4, 'lower', 'en')).toBe('Declined');
		expect(colorWord(2, 'en')).toBe('Orange');
		// suspdownload2023.txt: 3.7 %, statuslevel 3, changelevel 1, color 2.
		expect(statusLevelWord(3, 'lower', 'en')).toBe('Medium');
		expect(changeLevelWord(1, 'lower', 'en')).toBe('Increased Significantly');
		// eladownload2023.txt: −34.3, statuslevel 2, changelevel 3, color 2.
		expect(statusLevelWord(2, 'higher', 'en')).toBe('Low');
		expect(changeLevelWord(3, 'higher', 'en')).toBe('Maintained');
		expect(colorWord(2, 'es')).toBe('Anaranjado');
	});
});
