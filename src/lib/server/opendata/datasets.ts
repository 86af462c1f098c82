/**
 * The open data catalog: every table the public pages show, with its columns and types. The
 * downloads (/data/<name>.csv and .json), the API (/api/v1/<name>), its OpenAPI document, the
 * /data page and the DCAT-US catalog (/data.json) are all read from this one list.
 */
import type { Db, DbFile } from '../db/open.ts';
import { districtSettings } from '../priorities/queries.ts';
import type { Filter, FilterName } from './filters.ts';
import { authorityWords } from '../throughline/structures.ts';
import {
	measureDirections,
	measureKinds,
	measureUnits,
	meetingKinds,
	planChangeKinds,
	policyKinds,
	policyRelations,
	schoolTypes,
	structureAuthorities,
	structureCategories,
	structureOrigins,
	updateStatuses,
	rollCallVotes,
	verdicts
} from '../../choices.ts';
import {
	districtData,
	measureRows,
	meetingRows,
	planChangeRows,
	policyRows,
	priorityRows,
	iterateResultRows,
	resultPage,
	resultRows,
	resultYearsAndSources,
	schoolRows,
	structureRows,
	targetRows,
	updateRows,
	type Row
} from './tables.ts';
import {
	accountabilityGroupRows,
	accountabilityRedRows,
	accountabilitySchoolRows,
	accountabilityStatusRows
} from './accountability-tables.ts';
import { lcapActionRows, lcapAnnualUpdateRows, lcapMetricRows } from './lcap-tables.ts';
import { trainingRows, verdictRows, voteRows } from './board-record-tables.ts';
import { eventNoteRows, seriesBreakRows } from './context-tables.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface Column {
	name: string;
	type: ColumnType;
	nullable?: boolean;
	/** Allowed values, where the column is a closed list. */
	values?: readonly string[];
	description: string;
}

export interface Dataset {
	name: string;
	title: { en: string; es: string };
	description: { en: string; es: string };
	columns: Column[];
	filters: readonly FilterName[];
	rows: (db: Db, filter: Filter) => Row[];
	/**
	 * A large table's rows read one at a time (for its files), with the school years and sources
	 * they hold (for the JSON file's description, written before them).
	 */
	large?: {
		iterate: (db: DbFile, filter: Filter) => Iterable<Row>;
		yearsAndSources: (db: Db, filter: Filter) => { years: string[]; sources: string[] };
		/** One page of the rows (by LIMIT and OFFSET) and their count, for the API. */
		page: (db: Db, filter: Filter, offset: number, limit: number) => { rows: Row[]; total: number };
	};
}

/** Open data, free to reuse with attribution (the district's public records). */
export const license = {
	name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
	nameEs: 'Creative Commons Atribución 4.0 Internacional (CC BY 4.0)',
	url: 'https://creativecommons.org/licenses/by/4.0/'
};

const s = (name: string, description: string, nullable = false): Column => ({
	name,
	type: 'string',
	nullable,
	description
});
const num = (name: string, description: string, nullable = true): Column => ({
	name,
	type: 'number',
	nullable,
	description
});

const priority = s('priority', "The priority's slug (its address: /priorities/<slug>).");
const measureCode = s('measure', "The measure's code (its definition: /measures/<code>).");
const schoolYear = s('school_year', 'The school year, e.g. 2023-24.');
const dashboardYear: Column = {
	name: 'dashboard_year',
	type: 'integer',
	description: 'The Dashboard year (2023: the fall 2023 Dashboard, of the 2022-23 school year).'
};
const unit: Column = {
	name: 'unit',
	type: 'string',
	values: measureUnits,
	description:
		'The unit of the values: percent, points (distance from standard), count, rate or scale.'
};

export const datasets: readonly Dataset[] = [
	{
		name: 'priorities',
		title: { en: 'Priorities', es: 'Prioridades' },
		description: {
			en: 'The instructional priorities the board adopted: active and completed ones, with their sponsor and adoption date.',
			es: 'Las prioridades de instrucción que adoptó la junta: activas y completadas, con su responsable y fecha de adopción.'
		},
		columns: [
			s('slug', "The priority's short name in its address."),
			s('title', 'Title.'),
			s('title_es', 'Title in Spanish.', true),
			{
				name: 'status',
				type: 'string',
				values: ['active', 'completed'],
				description: 'Active or completed.'
			},
			s('sponsor', 'The senior leader who sponsors it.'),
			{
				name: 'adopted_on',
				type: 'date',
				nullable: true,
				description: 'Date the board adopted it.'
			},
			s('description', 'Description.'),
			s('description_es', 'Description in Spanish.', true)
		],
		filters: ['priority'],
		rows: priorityRows
	},
	{
		name: 'measures',
		title: { en: 'Measures', es: 'Medidas' },
		description: {
			en: "Each priority's measures: unit, which direction is better, source and baseline.",
			es: 'Las medidas de cada prioridad: unidad, qué dirección es mejor, fuente y punto de partida.'
		},
		columns: [
			s('code', "The measure's code."),
			s('name', 'Name.'),
			s('name_es', 'Name in Spanish.', true),
			priority,
			{
				name: 'kind',
				type: 'string',
				values: measureKinds,
				description: 'Outcome or implementation.'
			},
			unit,
			{
				name: 'better_when',
				type: 'string',
				values: measureDirections,
				description: 'Which direction is better.'
			},
			s('measure_source', 'Where the numbers come from, in the district’s words.'),
			s('baseline_year', 'The school year of the baseline.', true),
			num('baseline_value', 'The baseline value.'),
			s('description', 'What it counts, in the district’s words.', true),
			s('description_es', 'What it counts, in Spanish.', true),
			{ name: 'headline', type: 'boolean', description: "Shown on the priority's summary." }
		],
		filters: ['priority', 'measure'],
		rows: measureRows
	},
	{
		name: 'targets',
		title: { en: 'Annual targets', es: 'Metas anuales' },
		description: {
			en: "Each measure's annual (interim) targets, for all students or one student group.",
			es: 'Las metas anuales (intermedias) de cada medida, para todos los estudiantes o un grupo.'
		},
		columns: [
			measureCode,
			priority,
			schoolYear,
			s('student_group', "Whose target: ALL (all students) or a student group's code."),
			num('target', 'The target value.', false),
			unit
		],
		filters: ['priority', 'measure', 'year', 'group'],
		rows: targetRows
	},
	{
		name: 'results',
		title: { en: 'Results by school and student group', es: 'Resultados por escuela y grupo' },
		description: {
			en: "Each measure's results for the district and each school, by student group and school year. A group smaller than the suppression size has no value and no size (suppressed).",
			es: 'Los resultados de cada medida para el distrito y cada escuela, por grupo de estudiantes y año escolar. Un grupo menor que el tamaño mínimo no tiene valor ni tamaño (suprimido).'
		},
		columns: [
			measureCode,
			priority,
			schoolYear,
			s('school_cds_code', "The school's 14-digit CDS code (the district's for district rows)."),
			s('school_name', 'The school (or the district).'),
			{
				name: 'level',
				type: 'string',
				values: ['district', 'school'],
				description: 'District or school.'
			},
			s('student_group', "The student group's code (ALL for all students)."),
			s('student_group_name', 'The student group.'),
			s('student_group_name_es', 'The student group in Spanish.', true),
			num('value', 'The value; empty when suppressed or not reported.'),
			unit,
			{
				name: 'n',
				type: 'integer',
				nullable: true,
				description: "The group's size; empty when suppressed or unknown."
			},
			{
				name: 'suppressed',
				type: 'boolean',
				description: 'True when the group is under the suppression size (or of unknown size).'
			},
			{
				name: 'state_color',
				type: 'integer',
				nullable: true,
				description: "The state's Dashboard color, 1 red to 5 blue."
			},
			{
				name: 'state_status_level',
				type: 'integer',
				nullable: true,
				description:
					"The state's status level as its files code it, by performance: 1 lowest to 5 highest. Its words depend on the indicator: for chronic absenteeism and suspension 1 is 'Very High', for the others 'Very Low'."
			},
			s('source', `The state's file name, or "${districtData}".`)
		],
		filters: ['priority', 'measure', 'year', 'school', 'group'],
		rows: resultRows,
		large: {
			iterate: iterateResultRows,
			yearsAndSources: resultYearsAndSources,
			page: resultPage
		}
	},
	{
		name: 'schools',
		title: { en: 'Schools', es: 'Escuelas' },
		description: {
			en: "The district's schools, open and closed, with their CDS code, type and grades.",
			es: 'Las escuelas del distrito, abiertas y cerradas, con su código CDS, tipo y grados.'
		},
		columns: [
			s('school_cds_code', "The school's 14-digit CDS code."),
			s('school_name', 'Name.'),
			{ name: 'type', type: 'string', values: schoolTypes, description: 'Type of school.' },
			s('grade_span', 'Grades served, e.g. K-5.', true),
			{ name: 'status', type: 'string', values: ['open', 'closed'], description: 'Open or closed.' }
		],
		filters: ['school'],
		rows: schoolRows
	},
	{
		name: 'structures',
		title: {
			en: 'Structures that carry the priorities',
			es: 'Estructuras que sostienen las prioridades'
		},
		description: {
			en: 'The district systems and routines that carry each priority: required districtwide or site discretion, repurposed or new, and the board policies behind them.',
			es: 'Los sistemas y rutinas del distrito que sostienen cada prioridad: obligatorios en todo el distrito o a criterio de cada escuela, reutilizados o nuevos, y las políticas de la junta detrás de ellos.'
		},
		columns: [
			priority,
			s('structure', 'The structure.'),
			s('structure_es', 'The structure in Spanish.', true),
			{
				name: 'category',
				type: 'string',
				values: structureCategories,
				description: 'What kind of structure it is.'
			},
			{
				name: 'authority',
				type: 'string',
				values: structureAuthorities.map((a) => authorityWords[a]),
				description: 'Required districtwide or site discretion.'
			},
			{
				name: 'origin',
				type: 'string',
				values: structureOrigins,
				description: 'Repurposed or new.'
			},
			s('policies', 'The board policies behind it, separated by semicolons.')
		],
		filters: ['priority'],
		rows: structureRows
	},
	{
		name: 'policies',
		title: { en: 'Board policies', es: 'Políticas de la junta' },
		description: {
			en: 'The board policies behind the structures that carry each priority.',
			es: 'Las políticas de la junta detrás de las estructuras que sostienen cada prioridad.'
		},
		columns: [
			priority,
			s('structure', 'The structure the policy is behind.'),
			{
				name: 'kind',
				type: 'string',
				values: policyKinds,
				description: 'BP board policy, AR administrative regulation, E exhibit, BB board bylaw.'
			},
			s('number', 'The policy number (CSBA numbering).'),
			s('title', 'Title.'),
			{
				name: 'relation',
				type: 'string',
				values: policyRelations,
				description: 'How it relates to the structure.'
			},
			s('url', 'Link to the policy.', true)
		],
		filters: ['priority'],
		rows: policyRows
	},
	{
		name: 'updates',
		title: { en: 'Published progress updates', es: 'Informes de progreso publicados' },
		description: {
			en: "The superintendent's published progress updates on each priority, by board meeting.",
			es: 'Los informes de progreso publicados por el superintendente sobre cada prioridad, por reunión de la junta.'
		},
		columns: [
			priority,
			{ name: 'meeting_date', type: 'date', description: 'The board meeting.' },
			schoolYear,
			{
				name: 'status',
				type: 'string',
				values: updateStatuses,
				description: 'Status.'
			},
			s('summary', 'Summary.'),
			s('summary_es', 'Summary in Spanish.', true),
			s('narrative', 'Narrative.'),
			s('narrative_es', 'Narrative in Spanish.', true),
			s('learned', 'What we learned.'),
			s('learned_es', 'What we learned, in Spanish.', true),
			s('adjustments', 'Support adjustments.'),
			s('adjustments_es', 'Support adjustments, in Spanish.', true),
			s('next_steps', 'Next steps.'),
			s('next_steps_es', 'Next steps, in Spanish.', true),
			s('published_at', 'When it was published.'),
			{ name: 'version', type: 'integer', description: 'Version of the update.' }
		],
		filters: ['priority', 'year'],
		rows: updateRows
	},
	{
		name: 'meetings',
		title: { en: 'Board meetings on record', es: 'Reuniones de la junta registradas' },
		description: {
			en: 'The board meetings held, with the number of progress updates published for each.',
			es: 'Las reuniones de la junta celebradas, con el número de informes publicados para cada una.'
		},
		columns: [
			{ name: 'id', type: 'integer', description: "The meeting's number." },
			{ name: 'held_on', type: 'date', description: 'Date.' },
			schoolYear,
			{
				name: 'kind',
				type: 'string',
				values: meetingKinds,
				description: 'Regular, special or study session.'
			},
			s('title', 'Title.'),
			{ name: 'published_updates', type: 'integer', description: 'Updates published for it.' },
			s('record', 'Address of its public record.')
		],
		filters: ['year'],
		rows: meetingRows
	},
	{
		name: 'plan-changes',
		title: { en: 'Changes to the adopted plan', es: 'Cambios al plan adoptado' },
		description: {
			en: "Every change to an adopted priority's measures, targets, baseline, status or structures, with what it was before and after and the reason.",
			es: 'Cada cambio a las medidas, metas, punto de partida, estado o estructuras de una prioridad adoptada, con lo que era antes y después y la razón.'
		},
		columns: [
			priority,
			{ name: 'changed_on', type: 'date', description: 'Date of the change.' },
			{
				name: 'change',
				type: 'string',
				values: planChangeKinds,
				description: 'What changed.'
			},
			s('subject', 'The measure, structure or priority it is about.'),
			s('before', 'What it was before.'),
			s('after', 'What it is after.'),
			s('before_es', 'What it was before, in Spanish.'),
			s('after_es', 'What it is after, in Spanish.'),
			s('reason', 'The reason the district gave.'),
			s('reason_es', 'The reason in Spanish.', true)
		],
		filters: ['priority'],
		rows: planChangeRows
	},
	{
		name: 'event-notes',
		title: { en: 'Event notes on the charts', es: 'Notas de acontecimientos en los gráficos' },
		description: {
			en: 'Dated notes of what happened (a strike, a new curriculum, a new principal), for the whole district, one school or one priority, as the charts show them.',
			es: 'Notas fechadas de lo que pasó (una huelga, un nuevo currículo, una nueva dirección), para todo el distrito, una escuela o una prioridad, como las muestran los gráficos.'
		},
		columns: [
			{ name: 'date', type: 'date', description: 'When it happened.' },
			s('school_cds_code', "The school's CDS code; empty for the whole district.", true),
			s('school_name', "The school's name; empty for the whole district.", true),
			s('priority', "The priority's slug; empty for every priority.", true),
			s('note', 'What happened.'),
			s('note_es', 'What happened, in Spanish.', true)
		],
		filters: ['priority'],
		rows: eventNoteRows
	},
	{
		name: 'series-breaks',
		title: { en: 'Breaks in the series', es: 'Rupturas de las series' },
		description: {
			en: "Years from which a measure's results do not compare with the years before (the state's, such as no Dashboard for 2019-20 and 2020-21, and the district's own), and marks where something changed but the results still compare.",
			es: 'Años desde los cuales los resultados de una medida no se comparan con los anteriores (los del estado, como la falta de Dashboard en 2019-20 y 2020-21, y los del distrito), y marcas donde algo cambió pero los resultados siguen siendo comparables.'
		},
		columns: [
			measureCode,
			s('school_year', 'The first school year of the new series, e.g. 2021-22.'),
			{
				name: 'kind',
				type: 'string',
				values: ['gap', 'definition', 'mark'],
				description: 'gap: no results before it; definition: measured anew; mark: still comparable.'
			},
			{
				name: 'by',
				type: 'string',
				values: ['state', 'district'],
				description: "The state's break or the district's."
			},
			s('reason', 'Why.'),
			s('reason_es', 'Why, in Spanish.')
		],
		filters: ['measure'],
		rows: seriesBreakRows
	},
	{
		name: 'accountability-status',
		title: {
			en: 'Differentiated Assistance status by Dashboard year',
			es: 'Situación de Asistencia Diferenciada por año del Dashboard'
		},
		description: {
			en: "The district's Differentiated Assistance status in the state's words (its workbook), and whether the district's own Dashboard results make it eligible by the state's rules.",
			es: 'La situación del distrito en Asistencia Diferenciada en las palabras del estado (su libro), y si los resultados del Dashboard del distrito lo hacen elegible según las reglas del estado.'
		},
		columns: [
			dashboardYear,
			s('state_status', "The state's status, e.g. “Differentiated Assistance, Year 1”.", true),
			{
				name: 'computed',
				type: 'boolean',
				description: "The year's Dashboard results were imported."
			},
			{
				name: 'computed_eligible',
				type: 'boolean',
				nullable: true,
				description:
					'Computed: a student group met the criteria in two or more LCFF priority areas.'
			}
		],
		filters: [],
		rows: accountabilityStatusRows
	},
	{
		name: 'accountability-groups',
		title: {
			en: 'Student groups behind Differentiated Assistance',
			es: 'Grupos estudiantiles detrás de la Asistencia Diferenciada'
		},
		description: {
			en: "Each student group that met the criteria in an LCFF priority area (4, 5, 6, 8), computed from the Dashboard and as the state's workbook gives it (letters A–K), with any difference named.",
			es: 'Cada grupo estudiantil que cumplió los criterios en un área prioritaria de LCFF (4, 5, 6, 8), calculado a partir del Dashboard y según el libro del estado (letras A–K), con cualquier diferencia señalada.'
		},
		columns: [
			dashboardYear,
			s('student_group', "The student group's code."),
			s('computed_priority_areas', 'The LCFF priority areas met, computed, e.g. 4;5.', true),
			s('computed_letter', "The state's letter for the computed areas (two or more).", true),
			s('state_letter', "The state's letter in its workbook (A–K).", true),
			s('state_priority_areas', "The LCFF priority areas of the state's letter.", true),
			{
				name: 'differs',
				type: 'boolean',
				description: "The state's and the computed letter differ."
			}
		],
		filters: [],
		rows: accountabilityGroupRows
	},
	{
		name: 'accountability-reds',
		title: { en: 'Red results by student group', es: 'Resultados en rojo por grupo estudiantil' },
		description: {
			en: "Each student group Red on a Dashboard indicator (or at the lowest status level in a status-only year), the district's and each school's, with its figure and size, and the board's priorities that address the district's.",
			es: 'Cada grupo estudiantil en rojo en un indicador del Dashboard (o en el nivel de estatus más bajo en un año solo de estatus), del distrito y de cada escuela, con su cifra y tamaño, y las prioridades de la junta que atienden los del distrito.'
		},
		columns: [
			dashboardYear,
			s('school_cds_code', "The school's CDS code; empty: the district's own result.", true),
			s('student_group', "The student group's code (ALL: all students)."),
			s('indicator', "The Dashboard indicator's code (ela, math, elpi, grad, chronic, susp, cci)."),
			num('value', 'The figure the state published.'),
			{ name: 'students', type: 'integer', nullable: true, description: 'Students in the group.' },
			{
				name: 'basis',
				type: 'string',
				values: ['color', 'status'],
				description: "The state's Red color, or the lowest status level of a status-only year."
			},
			s(
				'addressed_by',
				'The slugs of the priorities that address it (;-separated); empty: none.',
				true
			)
		],
		filters: [],
		rows: accountabilityRedRows
	},
	{
		name: 'accountability-schools',
		title: {
			en: 'Schools identified under ESSA (CSI, ATSI, TSI)',
			es: 'Escuelas identificadas según ESSA (CSI, ATSI, TSI)'
		},
		description: {
			en: "The district's schools the state identified for support, from its ESSA assistance workbook, with the student groups that caused ATSI or TSI.",
			es: 'Las escuelas del distrito que el estado identificó para apoyo, de su libro de asistencia ESSA, con los grupos estudiantiles que causaron ATSI o TSI.'
		},
		columns: [
			dashboardYear,
			s('school_cds_code', "The school's 14-digit CDS code."),
			s('school_name', 'The school.'),
			s('essa_status', "The state's status: CSI Grad, CSI Low Perform, ATSI or TSI."),
			s('student_groups', 'The groups that caused it (;-separated).', true)
		],
		filters: [],
		rows: accountabilitySchoolRows
	},
	{
		name: 'lcap-actions',
		title: { en: 'LCAP actions and their funds', es: 'Acciones del LCAP y sus fondos' },
		description: {
			en: "Each action of the district's Local Control and Accountability Plan, by year: its goal, the board priorities the goal serves, its funds by source, whether it contributes to increased or improved services, its student groups, scope and location.",
			es: 'Cada acción del Plan de Control Local y Rendición de Cuentas del distrito, por año: su meta, las prioridades de la junta a las que sirve la meta, sus fondos por fuente, si contribuye a servicios aumentados o mejorados, sus grupos estudiantiles, alcance y lugar.'
		},
		columns: [
			s('lcap_year', 'The LCAP year, e.g. 2025-26.'),
			s('goal', "The goal's number."),
			s('goal_name', "The goal's name."),
			s('goal_type', 'broad, focus, equity-multiplier or maintenance.'),
			s(
				'priorities',
				'The slugs of the board priorities the goal serves (;-separated); empty: none.',
				true
			),
			s('action', "The action's number, e.g. 1.1."),
			s('title', "The action's title."),
			num('total_funds', 'Total funds, in dollars.', false),
			num('lcff_funds', 'LCFF funds, in dollars.', false),
			num('other_state_funds', 'Other state funds, in dollars.', false),
			num('local_funds', 'Local funds, in dollars.', false),
			num('federal_funds', 'Federal funds, in dollars.', false),
			{
				name: 'contributing',
				type: 'boolean',
				nullable: true,
				description:
					'Contributing to increased or improved services; empty where the LCAP left it blank.'
			},
			s('student_groups', 'The student groups, as the LCAP names them.', true),
			s('scope', 'LEA-wide, schoolwide or limited to unduplicated student groups.', true),
			s('location', 'Where the action runs.', true)
		],
		filters: [],
		rows: lcapActionRows
	},
	{
		name: 'lcap-metrics',
		title: { en: 'LCAP metrics by student group', es: 'Métricas del LCAP por grupo estudiantil' },
		description: {
			en: 'Each metric of the LCAP, one row per student group or component, with its baseline, Year 1 outcome, Year 3 target and difference from baseline as the LCAP prints them.',
			es: 'Cada métrica del LCAP, una fila por grupo estudiantil o componente, con su punto de partida, resultado del año 1, meta del año 3 y diferencia con el punto de partida tal como los imprime el LCAP.'
		},
		columns: [
			s('lcap_year', 'The LCAP year, e.g. 2025-26.'),
			s('goal', "The goal's number.", true),
			s('metric', "The metric's number, e.g. 1.1."),
			s('name', "The metric's name."),
			s('student_group', 'The student group, as the LCAP writes it.', true),
			s('component', 'The part of the metric the row is, where it has parts.', true),
			s('baseline', 'The baseline, as printed.', true),
			s('year_1_outcome', 'The Year 1 outcome, as printed.', true),
			s('target_for_year_3', 'The Year 3 target, as printed.', true),
			s('difference_from_baseline', 'The difference from baseline, as printed (not checked).', true)
		],
		filters: [],
		rows: lcapMetricRows
	},
	{
		name: 'lcap-annual-update',
		title: { en: 'LCAP Annual Update', es: 'Actualización anual del LCAP' },
		description: {
			en: "Last year's LCAP actions as the Annual Update reports them: planned and estimated actual spending, and this year's number of the action where the LCAP's renumbered list gives one.",
			es: 'Las acciones del LCAP del año pasado tal como las informa la Actualización anual: gasto previsto y gasto real estimado, y el número de la acción de este año cuando la lista de renumeración del LCAP lo da.'
		},
		columns: [
			s('lcap_year', 'The LCAP year whose Annual Update it is, e.g. 2025-26.'),
			s('goal', "Last year's goal number."),
			s('action', "Last year's action number."),
			s('title', "The action's title."),
			num('planned', 'Planned expenditures, in dollars.', false),
			num('estimated_actual', 'Estimated actual expenditures, in dollars.', false),
			s(
				'now_action',
				"This year's number of the action; empty: not renumbered or not carried on.",
				true
			)
		],
		filters: [],
		rows: lcapAnnualUpdateRows
	},
	{
		name: 'board-verdicts',
		title: {
			en: "The board's verdicts on progress reports",
			es: 'Los dictámenes de la junta sobre los informes de progreso'
		},
		description: {
			en: 'For each progress report presented at a held meeting: whether the board found the superintendent’s interpretation reasonable and the data to show progress, its finding, the motion and its count.',
			es: 'Para cada informe de progreso presentado en una reunión celebrada: si la junta consideró razonable la interpretación del superintendente y si los datos muestran progreso, su conclusión, la moción y su recuento.'
		},
		columns: [
			{
				name: 'meeting_date',
				type: 'date',
				description: 'Date of the meeting (its record: /meetings/<meeting_id>).'
			},
			{ name: 'meeting_id', type: 'integer', description: 'The meeting.' },
			{ name: 'priority_id', type: 'integer', description: 'The priority the report is on.' },
			{
				name: 'interpretation_reasonable',
				type: 'string',
				values: verdicts,
				description: 'Is the interpretation reasonable: yes, partly or no.'
			},
			{
				name: 'progress_made',
				type: 'string',
				values: verdicts,
				description: 'Do the data show progress: yes, partly or no.'
			},
			s('finding', "The board's finding."),
			s('motion', 'The motion.'),
			{ name: 'ayes', type: 'integer', description: 'Ayes.' },
			{ name: 'noes', type: 'integer', description: 'Noes.' },
			{ name: 'abstentions', type: 'integer', description: 'Abstentions.' },
			{ name: 'absent', type: 'integer', description: 'Members absent.' },
			{
				name: 'carried',
				type: 'boolean',
				description: 'The motion carried: more ayes than half the seats (Education Code 35164).'
			},
			{
				name: 'certified_true_as_of',
				type: 'date',
				nullable: true,
				description: 'The superintendent certified the report true as of this date.'
			}
		],
		filters: [],
		rows: verdictRows
	},
	{
		name: 'board-votes',
		title: {
			en: "The board's roll calls on its verdicts",
			es: 'Las votaciones nominales de la junta sobre sus dictámenes'
		},
		description: {
			en: "Each member's vote on each verdict's motion.",
			es: 'El voto de cada miembro sobre la moción de cada dictamen.'
		},
		columns: [
			{ name: 'meeting_date', type: 'date', description: 'Date of the meeting.' },
			{ name: 'meeting_id', type: 'integer', description: 'The meeting.' },
			{ name: 'priority_id', type: 'integer', description: 'The priority the report is on.' },
			s('seat', 'The seat.'),
			s('member', 'The member.'),
			{
				name: 'vote',
				type: 'string',
				values: rollCallVotes,
				description: 'Aye, no, abstain or absent.'
			}
		],
		filters: [],
		rows: voteRows
	},
	{
		name: 'board-trainings',
		title: { en: "Board members' trainings", es: 'Capacitaciones de los miembros de la junta' },
		description: {
			en: 'Trainings completed by board members in the last five years, the school-finance-law training (Education Code 35220–35223) marked.',
			es: 'Capacitaciones completadas por los miembros de la junta en los últimos cinco años, con la capacitación en legislación de finanzas escolares (Código de Educación 35220–35223) señalada.'
		},
		columns: [
			s('member', 'The member.'),
			{ name: 'completed_on', type: 'date', description: 'Date completed.' },
			s('provider', 'Who gave the training.'),
			s('topic', 'Topic.'),
			num('hours', 'Hours.', false),
			{ name: 'finance_law', type: 'boolean', description: 'The school-finance-law training.' }
		],
		filters: [],
		rows: trainingRows
	}
];

export function datasetByName(name: string): Dataset | undefined {
	return datasets.find((d) => d.name === name);
}

/** What every file says about itself: the district, the suppression rule, the as-of date. */
export interface DataContext {
	district: string;
	cdsCode: string;
	suppressionSize: number;
	/** When the district's data was last updated (DataAsOf on the pages). */
	asOf: string | null;
}

export function dataContext(db: Db): DataContext | null {
	const settings = districtSettings(db);
	if (!settings) return null;
	return {
		district: settings.name,
		cdsCode: settings.cdsCode,
		suppressionSize: settings.suppressionSize,
		asOf: settings.dataUpdatedAt
	};
}
