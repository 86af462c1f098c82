import { type UpdateStatus } from '../../choices.ts';
/** The words of the superintendent's progress updates, in English and Spanish. */

interface Bilingual {
	en: string;
	es: string;
}

export interface UpdateFacts {
	priority: string;
	status: UpdateStatus;
	measureName: string;
	measureNameEs: string;
	unit: string;
	value: number;
	target: number | null;
	yearLabel: string;
	/** Picks among the text variants, so consecutive updates do not repeat each other. */
	variant: number;
}

export interface UpdateText {
	summary: string;
	summaryEs: string;
	narrative: string;
	narrativeEs: string;
	learned: string;
	learnedEs: string;
	adjustments: string;
	adjustmentsEs: string;
	nextSteps: string;
	nextStepsEs: string;
}

function formatted(value: number, unit: string, language: 'en' | 'es'): string {
	if (unit === 'percent') return `${value.toFixed(1)}%`;
	return `${value.toFixed(1)} ${language === 'en' ? 'points' : 'puntos'}`;
}

function summary(facts: UpdateFacts): Bilingual {
	const en = formatted(facts.value, facts.unit, 'en');
	const es = formatted(facts.value, facts.unit, 'es');
	if (facts.target === null) {
		return {
			en: `${facts.measureName} was ${en} in ${facts.yearLabel}, the baseline for our targets.`,
			es: `${facts.measureNameEs} fue de ${es} en ${facts.yearLabel}, el punto de partida de nuestras metas.`
		};
	}
	const targetEn = formatted(facts.target, facts.unit, 'en');
	const targetEs = formatted(facts.target, facts.unit, 'es');
	if (facts.status === 'on track') {
		return {
			en: `${facts.measureName} reached ${en} in ${facts.yearLabel}, meeting the target of ${targetEn}.`,
			es: `${facts.measureNameEs} llegó a ${es} en ${facts.yearLabel}, con lo que se cumplió la meta de ${targetEs}.`
		};
	}
	if (facts.status === 'watch') {
		return {
			en: `${facts.measureName} was ${en} in ${facts.yearLabel}, close to the target of ${targetEn} but not there yet.`,
			es: `${facts.measureNameEs} fue de ${es} en ${facts.yearLabel}, cerca de la meta de ${targetEs}, pero sin alcanzarla todavía.`
		};
	}
	return {
		en: `${facts.measureName} was ${en} in ${facts.yearLabel}, well short of the target of ${targetEn}.`,
		es: `${facts.measureNameEs} fue de ${es} en ${facts.yearLabel}, lejos de la meta de ${targetEs}.`
	};
}

const narratives: Record<string, Bilingual[]> = {
	literacy: [
		{
			en: 'Most elementary schools now give the reading screener in all three windows and meet as a team afterwards. Schools where the coaching cycles are well established show the largest gains in the early grades; a handful of schools with new principals have fallen behind on the cycle.',
			es: 'La mayoría de las escuelas primarias ya aplican la evaluación de lectura en los tres periodos y se reúnen en equipo después. Las escuelas donde los ciclos de asesoría están bien establecidos muestran los mayores avances en los primeros grados; algunas escuelas con directores nuevos se han atrasado en el ciclo.'
		},
		{
			en: 'Teachers are using the screener results to form small reading groups every six to eight weeks. Growth is uneven: schools that protected collaboration time improved, while schools that lost it to coverage stalled.',
			es: 'Los docentes usan los resultados de la evaluación para formar grupos pequeños de lectura cada seis a ocho semanas. El avance es desigual: las escuelas que protegieron el tiempo de colaboración mejoraron, y las que lo perdieron por falta de suplentes se estancaron.'
		}
	],
	math: [
		{
			en: 'The common units are taught in nearly every sixth- and seventh-grade classroom. Eighth grade and Integrated Math I are further behind, and the end-of-unit tasks show that students still struggle with proportional reasoning.',
			es: 'Las unidades comunes se enseñan en casi todas las clases de sexto y séptimo grado. Octavo grado y Matemáticas Integradas I van más atrasados, y las tareas de fin de unidad muestran que a los estudiantes todavía les cuesta el razonamiento proporcional.'
		},
		{
			en: 'Walkthroughs show more student discussion of problems and fewer worksheets. Two middle schools moved quickly; the others are following the pacing guide but not yet the teaching routines.',
			es: 'Los recorridos muestran más conversación de los estudiantes sobre los problemas y menos hojas de trabajo. Dos escuelas secundarias avanzaron rápido; las demás siguen la guía de ritmo, pero todavía no las rutinas de enseñanza.'
		}
	],
	attendance: [
		{
			en: 'Every school now reviews attendance weekly, and most call families after the second absence. Chronic absenteeism is falling, but it is still far higher for students experiencing homelessness and students in foster care.',
			es: 'Todas las escuelas revisan ahora la asistencia cada semana, y la mayoría llama a las familias después de la segunda falta. El ausentismo crónico está bajando, pero sigue siendo mucho más alto entre los estudiantes sin hogar y los que viven en hogares temporales.'
		},
		{
			en: 'Schools that use their family engagement grants for a family liaison report the quickest change. Schools without an attendance team have seen little change this year.',
			es: 'Las escuelas que usan su subvención de participación familiar para un enlace con las familias informan los cambios más rápidos. Las escuelas sin equipo de asistencia han visto pocos cambios este año.'
		}
	],
	graduation: [
		{
			en: 'Counselors reviewed every eleventh grader’s transcript in the fall, and students missing A–G courses were offered credit recovery in the spring.',
			es: 'Los consejeros revisaron en otoño el expediente de cada estudiante de undécimo grado, y a quienes les faltaban cursos A–G se les ofreció recuperación de créditos en la primavera.'
		},
		{
			en: 'The graduation rate rose at every comprehensive high school. The continuation high school improved too, starting from a much lower rate.',
			es: 'La tasa de graduación subió en todas las preparatorias integrales. La preparatoria de continuación también mejoró, aunque partía de una tasa mucho más baja.'
		}
	]
};

const learned: Record<string, Bilingual[]> = {
	literacy: [
		{
			en: 'Coaching works when it is protected: cycles that were interrupted by coverage produced little change.',
			es: 'La asesoría funciona cuando se protege: los ciclos interrumpidos por falta de suplentes produjeron pocos cambios.'
		},
		{
			en: 'Teams that bring student work to collaboration time act on the results sooner.',
			es: 'Los equipos que llevan trabajos de los estudiantes al tiempo de colaboración actúan antes según los resultados.'
		}
	],
	math: [
		{
			en: 'Teachers need to see the units taught well, not only receive them.',
			es: 'Los docentes necesitan ver cómo se enseñan bien las unidades, no solo recibirlas.'
		},
		{
			en: 'The pacing guide moved too fast for students in support classes.',
			es: 'La guía de ritmo avanzaba demasiado rápido para los estudiantes de las clases de apoyo.'
		}
	],
	attendance: [
		{
			en: 'A call from an adult the student knows works better than an automated message.',
			es: 'Una llamada de un adulto que el estudiante conoce funciona mejor que un mensaje automático.'
		},
		{
			en: 'Families often did not know that a few absences a month add up to chronic absence.',
			es: 'Muchas familias no sabían que unas pocas faltas al mes suman un ausentismo crónico.'
		}
	],
	graduation: [
		{
			en: 'Early transcript reviews catch missing courses while there is still time to make them up.',
			es: 'Revisar pronto los expedientes permite detectar los cursos que faltan cuando aún hay tiempo para recuperarlos.'
		},
		{
			en: 'Students are more likely to finish A–G when a counselor meets them each semester.',
			es: 'Es más probable que los estudiantes completen los cursos A–G cuando un consejero se reúne con ellos cada semestre.'
		}
	]
};

const adjustments: Record<string, Bilingual[]> = {
	literacy: [
		{
			en: 'We moved two coaches to the schools that are furthest behind and set aside substitutes for collaboration days.',
			es: 'Asignamos dos asesores a las escuelas más atrasadas y reservamos suplentes para los días de colaboración.'
		},
		{
			en: 'New principals now get a half-day orientation on the reading assessment cycle.',
			es: 'Los directores nuevos reciben ahora una orientación de medio día sobre el ciclo de evaluación de lectura.'
		}
	],
	math: [
		{
			en: 'The math coordinator now models one lesson per unit at each middle school.',
			es: 'El coordinador de matemáticas ahora enseña una clase modelo por unidad en cada escuela secundaria.'
		},
		{
			en: 'We added a slower pacing option for support classes.',
			es: 'Añadimos una opción de ritmo más lento para las clases de apoyo.'
		}
	],
	attendance: [
		{
			en: 'Family letters are now sent in Spanish and English, and liaisons call families of students in foster care directly.',
			es: 'Las cartas a las familias se envían ahora en español y en inglés, y los enlaces llaman directamente a las familias de los estudiantes en hogares temporales.'
		},
		{
			en: 'We shared the practices of the three most improved schools at the principal meeting.',
			es: 'Compartimos en la reunión de directores las prácticas de las tres escuelas que más mejoraron.'
		}
	],
	graduation: [
		{
			en: 'We added a second credit-recovery section at the continuation high school.',
			es: 'Añadimos una segunda sección de recuperación de créditos en la preparatoria de continuación.'
		},
		{
			en: 'Counselor caseloads were rebalanced across the high schools.',
			es: 'Se equilibró el número de estudiantes por consejero entre las preparatorias.'
		}
	]
};

const nextSteps: Record<string, Bilingual[]> = {
	literacy: [
		{
			en: 'Review the winter screener results with each principal and plan summer reading support.',
			es: 'Revisar con cada director los resultados de la evaluación de invierno y planear el apoyo de lectura de verano.'
		},
		{
			en: 'Bring the spring results and the coaching schedule for next year to the board.',
			es: 'Presentar a la junta los resultados de primavera y el calendario de asesoría del próximo año.'
		}
	],
	math: [
		{
			en: 'Finish the eighth-grade units and train Integrated Math I teachers in August.',
			es: 'Terminar las unidades de octavo grado y capacitar en agosto a los docentes de Matemáticas Integradas I.'
		},
		{
			en: 'Report end-of-unit results by school at the next update.',
			es: 'Informar los resultados de fin de unidad por escuela en la próxima actualización.'
		}
	],
	attendance: [
		{
			en: 'Start attendance teams at the schools that do not have one yet.',
			es: 'Crear equipos de asistencia en las escuelas que todavía no los tienen.'
		},
		{
			en: 'Share first-month attendance by school in October.',
			es: 'Compartir en octubre la asistencia del primer mes por escuela.'
		}
	],
	graduation: [
		{
			en: 'Keep the transcript reviews as a standing routine of the counseling team.',
			es: 'Mantener la revisión de expedientes como una rutina permanente del equipo de consejería.'
		},
		{
			en: 'Report the final cohort results when the state releases them.',
			es: 'Informar los resultados finales de la cohorte cuando el estado los publique.'
		}
	]
};

function choose(pool: Record<string, Bilingual[]>, facts: UpdateFacts): Bilingual {
	const variants = pool[facts.priority] ?? pool.literacy;
	return variants[facts.variant % variants.length];
}

export function updateText(facts: UpdateFacts): UpdateText {
	const s = summary(facts);
	const n = choose(narratives, facts);
	const l = choose(learned, facts);
	const a = choose(adjustments, facts);
	const x = choose(nextSteps, facts);
	return {
		summary: s.en,
		summaryEs: s.es,
		narrative: n.en,
		narrativeEs: n.es,
		learned: l.en,
		learnedEs: l.es,
		adjustments: a.en,
		adjustmentsEs: a.es,
		nextSteps: x.en,
		nextStepsEs: x.es
	};
}

export const revisionNote: Bilingual = {
	en: 'Revised after publication: the winter screener results for two schools were corrected, and the figures below use the corrected data.',
	es: 'Revisado después de la publicación: se corrigieron los resultados de la evaluación de invierno de dos escuelas, y las cifras siguientes usan los datos corregidos.'
};

export const boardQuestionTexts: { question: string; answer: string | null }[] = [
	{
		question: 'How many of the schools below target had a full coaching cycle this year?',
		answer:
			'Seven of the nine schools below target completed a full cycle; the other two will start theirs in the first month of next year.'
	},
	{
		question: 'Are the end-of-unit tasks the same at every middle school?',
		answer:
			'Yes. All middle schools use the same tasks and scoring guide; teams score them together.'
	},
	{
		question:
			'Which student groups are furthest from the attendance target, and what is different for them?',
		answer: null
	},
	{
		question: 'Could the board see the results by school before the June meeting?',
		answer: null
	},
	{
		question: 'Which schools have not started the coaching cycles, and why?',
		answer:
			'Two schools started late because their principals were new; both have completed a first cycle since.'
	},
	{
		question: 'How do the results for English learners compare with last year?',
		answer:
			'They improved at most schools, but the gap with all students narrowed only slightly; the next update shows them by school.'
	},
	{
		question: 'What did the district change after the winter results?',
		answer:
			'We moved coaching time to the schools with the lowest winter results and added a make-up training for new teachers.'
	}
];
