/**
 * A measure's public definition (/measures/[code]): what it counts, its source, who is included,
 * its baseline and targets, the suppression rule and the priority it serves. A measure the
 * district never described (one the state's files created) is described by the state's method
 * for its indicator; any other by its source and unit.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { schoolYears, studentGroups } from '../db/schema/district.ts';
import { measures, measureTargets } from '../db/schema/measures.ts';
import { priorities } from '../db/schema/priorities.ts';
import { districtSettings } from '../priorities/queries.ts';
import { indicatorByCode } from '../imports/indicators.ts';
import { resultsThrough } from '../school-years/index.ts';
import { sourceOf } from './tables.ts';
import type { Unit } from '../../format.ts';

type Words = { en: string; es: string };

/** The state's method for each California School Dashboard indicator, in plain words. */
const stateMethods: Record<string, Words> = {
	ela: {
		en: "Distance from standard on the state's English language arts test (Smarter Balanced, CAASPP), grades 3–8 and 11: how many scale-score points students' scores are, on average, above or below the lowest score for “Standard Met”. The average is over the students tested; zero means the average student just met the standard.",
		es: 'Distancia del estándar en la prueba estatal de artes lingüísticas en inglés (Smarter Balanced, CAASPP), grados 3 a 8 y 11: cuántos puntos de escala están, en promedio, las calificaciones de los estudiantes por encima o por debajo de la calificación mínima de “Estándar cumplido”. El promedio es sobre los estudiantes evaluados; cero significa que el estudiante promedio apenas cumplió el estándar.'
	},
	math: {
		en: "Distance from standard on the state's mathematics test (Smarter Balanced, CAASPP), grades 3–8 and 11: how many scale-score points students' scores are, on average, above or below the lowest score for “Standard Met”. The average is over the students tested.",
		es: 'Distancia del estándar en la prueba estatal de matemáticas (Smarter Balanced, CAASPP), grados 3 a 8 y 11: cuántos puntos de escala están, en promedio, las calificaciones por encima o por debajo de la calificación mínima de “Estándar cumplido”. El promedio es sobre los estudiantes evaluados.'
	},
	science: {
		en: 'Distance from standard on the California Science Test (CAST): the average number of scale-score points above or below the lowest score for “Standard Met”, over the students tested.',
		es: 'Distancia del estándar en la Prueba de Ciencias de California (CAST): el promedio de puntos de escala por encima o por debajo de la calificación mínima de “Estándar cumplido”, sobre los estudiantes evaluados.'
	},
	chronic: {
		en: 'Chronic absenteeism: the students in kindergarten to grade 8 absent for 10 percent or more of the days they were expected to attend (numerator), out of the students enrolled at least 31 days (denominator), as a percent. Lower is better.',
		es: 'Ausentismo crónico: los estudiantes de kínder a 8.º grado ausentes el 10 por ciento o más de los días que debían asistir (numerador), entre los estudiantes inscritos al menos 31 días (denominador), en porcentaje. Menos es mejor.'
	},
	susp: {
		en: 'Suspension rate: the students suspended at least once during the school year (numerator), out of the students enrolled at any time in the year (denominator), as a percent. Lower is better.',
		es: 'Tasa de suspensión: los estudiantes suspendidos al menos una vez durante el año escolar (numerador), entre los estudiantes inscritos en algún momento del año (denominador), en porcentaje. Menos es mejor.'
	},
	grad: {
		en: 'Four-year graduation rate: the students of a ninth-grade cohort who graduated with a regular high school diploma within four years (numerator), out of the students in the cohort, adjusted for those who moved in and out (denominator), as a percent.',
		es: 'Tasa de graduación en cuatro años: los estudiantes de una cohorte de 9.º grado que se graduaron con un diploma regular en cuatro años (numerador), entre los estudiantes de la cohorte, ajustada por quienes llegaron o se fueron (denominador), en porcentaje.'
	},
	'grad-dass': {
		en: 'One-year graduation rate of alternative schools (DASS): the students who graduated in the year (numerator), out of the students in grades 11 and 12 (denominator), as a percent.',
		es: 'Tasa de graduación de un año de las escuelas alternativas (DASS): los estudiantes que se graduaron en el año (numerador), entre los estudiantes de 11.º y 12.º grado (denominador), en porcentaje.'
	},
	cci: {
		en: 'College/Career Indicator: the graduates who met one of the state’s measures of being prepared for college or a career (numerator), out of the graduating cohort (denominator), as a percent.',
		es: 'Indicador de Preparación Universitaria y Profesional: los graduados que cumplieron una de las medidas del estado de preparación para la universidad o una carrera (numerador), entre la cohorte de graduados (denominador), en porcentaje.'
	},
	elpi: {
		en: 'English Learner Progress: the English learners who progressed at least one level on the English Language Proficiency Assessments for California (ELPAC), or kept the highest level (numerator), out of the English learners with two years of scores (denominator), as a percent.',
		es: 'Progreso de los estudiantes de inglés: los estudiantes de inglés que avanzaron al menos un nivel en las Evaluaciones de Dominio del Idioma Inglés de California (ELPAC), o mantuvieron el nivel más alto (numerador), entre los estudiantes de inglés con calificaciones de dos años (denominador), en porcentaje.'
	},
	growth: {
		en: "Academic growth: the average of students' growth scores on the state's tests, in points, compared with students who had similar scores the year before.",
		es: 'Crecimiento académico: el promedio de las calificaciones de crecimiento de los estudiantes en las pruebas del estado, en puntos, comparado con estudiantes que tenían calificaciones similares el año anterior.'
	}
};

export interface MeasureDefinition {
	code: string;
	name: string;
	nameEs: string | null;
	kind: 'outcome' | 'implementation';
	unit: Unit;
	direction: 'higher' | 'lower';
	/** The district's own description, when it wrote one. */
	description: string | null;
	descriptionEs: string | null;
	/** The state's method, for a Dashboard indicator the district did not describe. */
	stateMethod: Words | null;
	source: string;
	/** The state's file for the latest year, e.g. "eladownload2024.txt"; null for district data. */
	stateFile: string | null;
	baseline: { year: string | null; value: number | null };
	targets: {
		year: string;
		group: string;
		groupName: string | null;
		groupNameEs: string | null;
		value: number;
	}[];
	priority: { slug: string; title: string; titleEs: string | null };
	suppressionSize: number;
	dataUpdatedAt: string | null;
}

export function measureDefinition(db: Db, code: string): MeasureDefinition | null {
	const settings = districtSettings(db);
	if (!settings) return null;
	const row = db
		.select({
			id: measures.id,
			code: measures.code,
			name: measures.name,
			nameEs: measures.nameEs,
			kind: measures.kind,
			unit: measures.unit,
			direction: measures.direction,
			description: measures.description,
			descriptionEs: measures.descriptionEs,
			source: measures.source,
			baselineYear: schoolYears.label,
			baselineValue: measures.baselineValue,
			slug: priorities.slug,
			title: priorities.title,
			titleEs: priorities.titleEs
		})
		.from(measures)
		.innerJoin(priorities, eq(priorities.id, measures.priorityId))
		.leftJoin(schoolYears, eq(schoolYears.id, measures.baselineYearId))
		.where(and(eq(measures.code, code), ne(priorities.status, 'retired')))
		.get();
	if (!row) return null;
	const targets = db
		.select({
			year: schoolYears.label,
			group: measureTargets.studentGroup,
			groupName: studentGroups.name,
			groupNameEs: studentGroups.nameEs,
			value: measureTargets.value
		})
		.from(measureTargets)
		.innerJoin(schoolYears, eq(schoolYears.id, measureTargets.schoolYearId))
		.leftJoin(studentGroups, eq(studentGroups.code, measureTargets.studentGroup))
		.where(eq(measureTargets.measureId, row.id))
		.orderBy(
			sql`${measureTargets.studentGroup} <> 'ALL'`,
			asc(measureTargets.studentGroup),
			asc(schoolYears.startYear)
		)
		.all();
	const indicator = indicatorByCode(row.code);
	const through = resultsThrough(db);
	const file = through ? sourceOf(row.code, through) : sourceOf(row.code, '2023-24');
	return {
		code: row.code,
		name: row.name,
		nameEs: row.nameEs,
		kind: row.kind,
		unit: row.unit,
		direction: row.direction,
		description: row.description?.trim() || null,
		descriptionEs: row.descriptionEs?.trim() || null,
		stateMethod: indicator ? (stateMethods[indicator.code] ?? null) : null,
		source: row.source,
		stateFile: file === 'district data' ? null : file,
		baseline: { year: row.baselineYear, value: row.baselineValue },
		targets: targets.map((t) => ({
			...t,
			groupName: t.group === 'ALL' ? null : (t.groupName ?? t.group)
		})),
		priority: { slug: row.slug, title: row.title, titleEs: row.titleEs },
		suppressionSize: settings.suppressionSize,
		dataUpdatedAt: settings.dataUpdatedAt
	};
}
