// The LCAP import's confirmation form: the year, and the totals typed from the printed tables.
import { z } from 'zod';
import { optionalDate, optionalId } from '../forms.ts';
import { startYearOfLabel } from '../../school-year.ts';
import { centsOf } from './money.ts';
import type { LcapImportOptions } from './import.ts';

const amount = (label: string, required: boolean) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) {
				if (required) ctx.addIssue({ code: 'custom', message: `Type the ${label}.` });
				return null;
			}
			const cents = centsOf(v);
			if (cents == null) {
				ctx.addIssue({
					code: 'custom',
					message: `The ${label} must be an amount in dollars, e.g. 122,293,403.`
				});
				return z.NEVER;
			}
			return cents;
		});

/** The form's fields; the printed total is required when an actions table comes. */
export function lcapImportInput(needsTotal: boolean) {
	return z.object({
		year: z
			.string()
			.trim()
			.refine((v) => startYearOfLabel(v) !== null, 'Enter the LCAP’s year, e.g. 2025-26.'),
		cycle: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine(
				(v) => v === null || /^\d{4}-\d{2}$/.test(v),
				'Enter the three-year cycle as 2024-27.'
			),
		adoptedOn: optionalDate('adoption date'),
		adoptedMeetingId: optionalId('meeting'),
		printedTotal: amount('total of the printed Total Expenditures table', needsTotal),
		printedLcff: amount('LCFF total of the printed table', false)
	});
}

export function optionsOf(data: z.infer<ReturnType<typeof lcapImportInput>>): LcapImportOptions {
	return {
		year: data.year,
		cycle: data.cycle,
		adoptedOn: data.adoptedOn,
		adoptedMeetingId: data.adoptedMeetingId,
		printedTotalCents: data.printedTotal,
		printedLcffCents: data.printedLcff
	};
}

/** The LCAP year a set of file names suggests ("san-juan-usd-2025-26-actions.csv" → 2025-26). */
export function yearInNames(names: string[]): string | null {
	const years = names
		.flatMap((n) => [...n.matchAll(/(20\d\d)-(\d\d)(?!\d)/g)].map((m) => m[0]))
		.filter((y) => startYearOfLabel(y) !== null)
		.sort();
	return years.at(-1) ?? null;
}
