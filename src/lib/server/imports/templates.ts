import { stringify } from 'csv-stringify/sync';

/**
 * The generic CSV formats, with a downloadable template each. Column names are the same as the
 * exports', so an exported file imports back unchanged. Header names are matched without regard
 * to case, spaces or dashes ("School CDS code" = "school_cds_code"); unknown columns are ignored.
 */
export interface CsvFormat {
	name: 'results' | 'check-ins';
	title: string;
	columns: { name: string; required: boolean; meaning: string }[];
	example: (string | number)[][];
}

export const csvFormats: readonly CsvFormat[] = [
	{
		name: 'results',
		title: 'Results',
		columns: [
			{
				name: 'school_cds_code',
				required: false,
				meaning: 'The school’s 14-digit CDS code; blank (or the district’s code) for the district.'
			},
			{
				name: 'school_name',
				required: false,
				meaning: 'For people reading the file; not imported.'
			},
			{
				name: 'measure_code',
				required: true,
				meaning: 'The measure’s code (or give its name in a “measure” column). It must exist.'
			},
			{ name: 'school_year', required: true, meaning: 'Like 2023-24.' },
			{
				name: 'student_group',
				required: false,
				meaning: 'The state’s code: ALL (the default), EL, SED, SWD, HI…'
			},
			{
				name: 'value',
				required: true,
				meaning: 'A number in the measure’s unit; blank when not reported.'
			},
			{ name: 'n', required: false, meaning: 'The group’s size (a whole number).' },
			{ name: 'state_color', required: false, meaning: '0–5 (1 red … 5 blue); kept if absent.' },
			{ name: 'status_level', required: false, meaning: '1–5; kept if absent.' }
		],
		example: [
			['', 'District', 'ela', '2024-25', 'ALL', '-28.4', '5120', '', ''],
			['99999996000137', 'Example Elementary', 'ela', '2024-25', 'EL', '-61.0', '88', '', '']
		]
	},
	{
		name: 'check-ins',
		title: 'Implementation check-ins',
		columns: [
			{ name: 'school_cds_code', required: true, meaning: 'The school’s 14-digit CDS code.' },
			{
				name: 'school_name',
				required: false,
				meaning: 'For people reading the file; not imported.'
			},
			{ name: 'structure', required: true, meaning: 'The structure’s name, as under Structures.' },
			{ name: 'school_year', required: true, meaning: 'Like 2024-25.' },
			{
				name: 'depth',
				required: true,
				meaning: '0–4 or its word: not started, beginning, developing, implementing, sustaining.'
			},
			{ name: 'adaptation', required: false, meaning: 'How the school adapted it, if it did.' },
			{ name: 'site_led', required: false, meaning: 'yes or no: a site-led role carries it.' },
			{ name: 'evidence_url', required: false, meaning: 'A link to evidence.' }
		],
		example: [
			[
				'99999996000137',
				'Example Elementary',
				'Grade-level collaboration time',
				'2024-25',
				'3',
				'Meets twice a month instead of weekly',
				'yes',
				''
			]
		]
	}
];

export function csvTemplate(format: CsvFormat): string {
	return stringify([format.columns.map((c) => c.name), ...format.example], {
		record_delimiter: 'unix'
	});
}
