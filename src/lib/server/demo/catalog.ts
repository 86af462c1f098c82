import {
	type MeasureDirection,
	type MeasureUnit,
	type PolicyKind,
	type PolicyRelation,
	type StructureCategory,
	type SchoolType
} from '../../choices.ts';
/**
 * What Sample Valley Unified decided: its priorities, measures, structures, policies and the links
 * among them. Years are given as "years before the last school year" (`fromLast`), so the same
 * catalog fits a district generated with any number of years.
 */

export const studentGroupCatalog = [
	{ code: 'ALL', name: 'All Students', nameEs: 'Todos los estudiantes' },
	{ code: 'AA', name: 'Black/African American', nameEs: 'Afroamericanos' },
	{
		code: 'AI',
		name: 'American Indian or Alaska Native',
		nameEs: 'Indígenas americanos o nativos de Alaska'
	},
	{ code: 'AS', name: 'Asian', nameEs: 'Asiáticos' },
	{ code: 'FI', name: 'Filipino', nameEs: 'Filipinos' },
	{ code: 'HI', name: 'Hispanic', nameEs: 'Hispanos o latinos' },
	{ code: 'PI', name: 'Pacific Islander', nameEs: 'Isleños del Pacífico' },
	{ code: 'WH', name: 'White', nameEs: 'Blancos' },
	{ code: 'MR', name: 'Two or More Races', nameEs: 'Dos o más razas' },
	{ code: 'EL', name: 'English Learners', nameEs: 'Estudiantes de inglés' },
	{ code: 'ELO', name: 'English Learners Only', nameEs: 'Solo estudiantes de inglés actuales' },
	{
		code: 'RFP',
		name: 'Reclassified Fluent English Proficient',
		nameEs: 'Reclasificados con dominio del inglés'
	},
	{ code: 'EO', name: 'English Only', nameEs: 'Solo inglés' },
	{
		code: 'SED',
		name: 'Socioeconomically Disadvantaged',
		nameEs: 'En desventaja socioeconómica'
	},
	{ code: 'SWD', name: 'Students with Disabilities', nameEs: 'Estudiantes con discapacidades' },
	{ code: 'FOS', name: 'Foster Youth', nameEs: 'Jóvenes en hogares temporales' },
	{ code: 'HOM', name: 'Homeless Youth', nameEs: 'Jóvenes sin hogar' }
] as const;

/**
 * Each group's share of a school's students (district average) and how far its results sit from
 * all students, in standard deviations of school results (positive is better).
 */
export const groupProfiles: Record<string, { share: number; offset: number }> = {
	AA: { share: 0.05, offset: -1.2 },
	AI: { share: 0.012, offset: -0.9 },
	AS: { share: 0.09, offset: 1.3 },
	FI: { share: 0.04, offset: 0.8 },
	HI: { share: 0.56, offset: -0.4 },
	PI: { share: 0.01, offset: -0.6 },
	WH: { share: 0.2, offset: 0.6 },
	MR: { share: 0.04, offset: 0.2 },
	EL: { share: 0.21, offset: -1.4 },
	ELO: { share: 0.19, offset: -1.6 },
	RFP: { share: 0.15, offset: 0.6 },
	EO: { share: 0.55, offset: 0.2 },
	SED: { share: 0.62, offset: -0.6 },
	SWD: { share: 0.13, offset: -2.2 },
	FOS: { share: 0.006, offset: -2.0 },
	HOM: { share: 0.03, offset: -1.6 }
};

export interface PriorityPlan {
	key: string;
	slug: string;
	title: string;
	titleEs: string;
	description: string;
	descriptionEs: string;
	rationale: string;
	status: 'active' | 'completed';
	adoptedFromLast: number;
	/** For a completed priority: the last school year it ran. */
	completedFromLast?: number;
	sortOrder: number;
}

export const priorityPlans: PriorityPlan[] = [
	{
		key: 'literacy',
		slug: 'early-literacy',
		title: 'Every student reading by third grade',
		titleEs: 'Todos los estudiantes leen con fluidez al llegar a tercer grado',
		description:
			'Teach foundational reading skills well in every kindergarten to third-grade classroom, check progress three times a year, and give extra help early.',
		descriptionEs:
			'Enseñar bien las habilidades básicas de lectura en todas las clases de kínder a tercer grado, revisar el progreso tres veces al año y dar apoyo adicional a tiempo.',
		rationale:
			'Students who read well by third grade do better in every later grade. Our third-grade results varied more between schools than within them.',
		status: 'active',
		adoptedFromLast: 5,
		sortOrder: 1
	},
	{
		key: 'math',
		slug: 'math-understanding',
		title: 'Strong math understanding in grades 6–9',
		titleEs: 'Una comprensión sólida de las matemáticas en los grados 6 a 9',
		description:
			'Common units, shared pacing and coached teaching in middle school math and Integrated Math I, so that every student is ready for high school math.',
		descriptionEs:
			'Unidades comunes, un ritmo compartido y enseñanza con apoyo de asesores en matemáticas de secundaria y Matemáticas Integradas I, para que todos los estudiantes estén listos para las matemáticas de la preparatoria.',
		rationale:
			'Too many students fail Integrated Math I in ninth grade, and the gap opens in grades 6 and 7.',
		status: 'active',
		adoptedFromLast: 3,
		sortOrder: 2
	},
	{
		key: 'attendance',
		slug: 'attendance-and-belonging',
		title: 'Students present and connected every day',
		titleEs: 'Estudiantes presentes y conectados todos los días',
		description:
			'Lower chronic absenteeism by reaching out to families early and making sure every student has an adult at school who knows them.',
		descriptionEs:
			'Reducir el ausentismo crónico comunicándonos pronto con las familias y asegurando que cada estudiante tenga en la escuela un adulto que lo conozca.',
		rationale:
			'Chronic absenteeism more than doubled after the school closures and has come down only slowly.',
		status: 'active',
		adoptedFromLast: 2,
		sortOrder: 3
	},
	{
		key: 'graduation',
		slug: 'college-and-career-ready',
		title: 'Graduates ready for college and career',
		titleEs: 'Graduados preparados para la universidad y una carrera',
		description:
			'Raise the graduation rate and the share of graduates who complete the A–G courses required by the University of California and California State University.',
		descriptionEs:
			'Aumentar la tasa de graduación y el porcentaje de graduados que completan los cursos A–G que exigen la Universidad de California y la Universidad Estatal de California.',
		rationale:
			'Fewer than half of our graduates were eligible to apply to a four-year public university.',
		status: 'completed',
		adoptedFromLast: 5,
		completedFromLast: 1,
		sortOrder: 4
	}
];

export interface MeasurePlan {
	code: string;
	priority: string;
	name: string;
	nameEs: string;
	unit: MeasureUnit;
	direction: MeasureDirection;
	kind: 'outcome' | 'implementation';
	source: string;
	headline: boolean;
	/** District value (all students) in the first generated year. */
	base: number;
	/** Spread of school results, in the measure's unit. */
	spread: number;
	/** Typical yearly improvement after the priority's adoption (positive is better). */
	gain: number;
	/** The board's target step per year (positive is better). */
	targetStep: number;
	/** Share of a school's enrollment counted in the measure, by school type (absent: not measured). */
	coverage: Partial<Record<SchoolType, number>>;
	/** Results for student groups, or only for all students. */
	byGroup: boolean;
	min: number;
	max: number;
}

const allTypes = { elementary: 1, middle: 1, high: 1, 'k-8': 1, continuation: 1 };
const tested = { elementary: 0.5, middle: 1, high: 0.25, 'k-8': 0.66, continuation: 0.3 };

export const measurePlans: MeasurePlan[] = [
	{
		code: 'ela',
		priority: 'literacy',
		name: 'English language arts: distance from standard',
		nameEs: 'Artes del lenguaje en inglés: distancia del estándar',
		unit: 'points',
		direction: 'higher',
		kind: 'outcome',
		source: 'California School Dashboard (CAASPP)',
		headline: true,
		base: -31,
		spread: 24,
		gain: 3.5,
		targetStep: 3,
		coverage: tested,
		byGroup: true,
		min: -180,
		max: 120
	},
	{
		code: 'grade3-reading',
		priority: 'literacy',
		name: 'Third graders reading at grade level',
		nameEs: 'Estudiantes de tercer grado que leen al nivel de su grado',
		unit: 'percent',
		direction: 'higher',
		kind: 'outcome',
		source: 'District reading assessment, spring window',
		headline: false,
		base: 47,
		spread: 10,
		gain: 2.5,
		targetStep: 3,
		coverage: { elementary: 0.16, 'k-8': 0.11 },
		byGroup: true,
		min: 5,
		max: 98
	},
	{
		code: 'literacy-cycle',
		priority: 'literacy',
		name: 'K–3 teachers completing the common reading assessment cycle',
		nameEs: 'Docentes de kínder a 3.º que completan el ciclo común de evaluación de lectura',
		unit: 'percent',
		direction: 'higher',
		kind: 'implementation',
		source: 'District assessment platform',
		headline: false,
		base: 30,
		spread: 12,
		gain: 12,
		targetStep: 10,
		coverage: { elementary: 0.04, 'k-8': 0.03 },
		byGroup: false,
		min: 0,
		max: 100
	},
	{
		code: 'math',
		priority: 'math',
		name: 'Mathematics: distance from standard',
		nameEs: 'Matemáticas: distancia del estándar',
		unit: 'points',
		direction: 'higher',
		kind: 'outcome',
		source: 'California School Dashboard (CAASPP)',
		headline: true,
		base: -58,
		spread: 28,
		gain: 3,
		targetStep: 5,
		coverage: tested,
		byGroup: true,
		min: -220,
		max: 110
	},
	{
		code: 'math1-pass',
		priority: 'math',
		name: 'Ninth graders earning C or better in Integrated Math I',
		nameEs: 'Estudiantes de noveno grado con C o más en Matemáticas Integradas I',
		unit: 'percent',
		direction: 'higher',
		kind: 'outcome',
		source: 'Student information system, final grades',
		headline: false,
		base: 57,
		spread: 9,
		gain: 2.5,
		targetStep: 3,
		coverage: { high: 0.26 },
		byGroup: true,
		min: 10,
		max: 98
	},
	{
		code: 'math-units',
		priority: 'math',
		name: 'Math classrooms observed teaching the common units',
		nameEs: 'Clases de matemáticas observadas enseñando las unidades comunes',
		unit: 'percent',
		direction: 'higher',
		kind: 'implementation',
		source: 'Walkthrough records',
		headline: false,
		base: 25,
		spread: 14,
		gain: 14,
		targetStep: 15,
		coverage: { middle: 0.04, high: 0.02, 'k-8': 0.03 },
		byGroup: false,
		min: 0,
		max: 100
	},
	{
		code: 'chronic',
		priority: 'attendance',
		name: 'Chronic absenteeism',
		nameEs: 'Ausentismo crónico',
		unit: 'percent',
		direction: 'lower',
		kind: 'outcome',
		source: 'California School Dashboard (attendance)',
		headline: true,
		base: 12,
		spread: 5,
		gain: 1.8,
		targetStep: 2,
		coverage: allTypes,
		byGroup: true,
		min: 1,
		max: 75
	},
	{
		code: 'susp',
		priority: 'attendance',
		name: 'Suspension rate',
		nameEs: 'Tasa de suspensiones',
		unit: 'percent',
		direction: 'lower',
		kind: 'outcome',
		source: 'California School Dashboard (suspension)',
		headline: false,
		base: 3.8,
		spread: 1.4,
		gain: 0.25,
		targetStep: 0.3,
		coverage: allTypes,
		byGroup: true,
		min: 0,
		max: 30
	},
	{
		code: 'grad',
		priority: 'graduation',
		name: 'Four-year graduation rate',
		nameEs: 'Tasa de graduación en cuatro años',
		unit: 'percent',
		direction: 'higher',
		kind: 'outcome',
		source: 'California School Dashboard (graduation rate)',
		headline: true,
		base: 85,
		spread: 4,
		gain: 1.3,
		targetStep: 0.6,
		coverage: { high: 0.24, continuation: 0.45 },
		byGroup: true,
		min: 40,
		max: 99.5
	},
	{
		code: 'ag-completion',
		priority: 'graduation',
		name: 'Graduates completing A–G requirements',
		nameEs: 'Graduados que completan los requisitos A–G',
		unit: 'percent',
		direction: 'higher',
		kind: 'outcome',
		source: 'CALPADS cohort outcome data',
		headline: false,
		base: 42,
		spread: 9,
		gain: 2.6,
		targetStep: 1.5,
		coverage: { high: 0.23, continuation: 0.4 },
		byGroup: true,
		min: 0,
		max: 100
	}
];

/** Shocks by school-year start year, in spreads (negative is worse): the school closures. */
export const yearShocks: Record<string, Record<number, number>> = {
	ela: { 2020: -0.2, 2021: -0.35, 2022: -0.15 },
	math: { 2020: -0.25, 2021: -0.45, 2022: -0.2 },
	'grade3-reading': { 2020: -0.3, 2021: -0.4, 2022: -0.15 },
	chronic: { 2020: -0.6, 2021: -2.2, 2022: -1.5, 2023: -0.8, 2024: -0.5 },
	susp: { 2020: 1.2, 2021: 0.3 },
	grad: { 2020: -0.2 }
};

export interface StructurePlan {
	key: string;
	name: string;
	nameEs: string;
	category: StructureCategory;
	authority: 'required' | 'discretionary';
	origin: 'repurposed' | 'new';
	ownerRole: string;
	startFromLast: number;
	description: string;
	descriptionEs: string;
	priorities: string[];
}

export const structurePlans: StructurePlan[] = [
	{
		key: 'collaboration',
		name: 'Weekly collaboration time',
		nameEs: 'Tiempo semanal de colaboración',
		category: 'time',
		authority: 'required',
		origin: 'repurposed',
		ownerRole: 'Assistant Superintendent, Educational Services',
		startFromLast: 5,
		description:
			'The Wednesday early-release hour, once used for announcements, now belongs to grade-level and course teams looking at student work.',
		descriptionEs:
			'La hora de salida temprana de los miércoles, que antes se usaba para avisos, ahora es para que los equipos de grado y de curso revisen el trabajo de los estudiantes.',
		priorities: ['literacy', 'math']
	},
	{
		key: 'literacy-coaching',
		name: 'Literacy coaching cycles',
		nameEs: 'Ciclos de asesoría en lectoescritura',
		category: 'people',
		authority: 'required',
		origin: 'new',
		ownerRole: 'Director of Elementary Education',
		startFromLast: 5,
		description:
			'Every K–3 teacher takes part in one six-week coaching cycle a year with a district literacy coach.',
		descriptionEs:
			'Cada docente de kínder a tercer grado participa cada año en un ciclo de asesoría de seis semanas con un asesor de lectoescritura del distrito.',
		priorities: ['literacy']
	},
	{
		key: 'reading-assessment',
		name: 'Common reading assessment cycle',
		nameEs: 'Ciclo común de evaluación de lectura',
		category: 'monitoring',
		authority: 'required',
		origin: 'new',
		ownerRole: 'Director of Assessment and Research',
		startFromLast: 4,
		description:
			'The same reading screener in fall, winter and spring, with a team meeting after each window to plan small-group instruction.',
		descriptionEs:
			'La misma evaluación de lectura en otoño, invierno y primavera, con una reunión del equipo después de cada periodo para planear la enseñanza en grupos pequeños.',
		priorities: ['literacy']
	},
	{
		key: 'math-units',
		name: 'Common math units and pacing guides',
		nameEs: 'Unidades comunes y guías de ritmo de matemáticas',
		category: 'materials',
		authority: 'required',
		origin: 'new',
		ownerRole: 'Coordinator of Mathematics',
		startFromLast: 3,
		description:
			'Shared units, pacing and end-of-unit tasks for grades 6–8 math and Integrated Math I.',
		descriptionEs:
			'Unidades, ritmo y tareas de fin de unidad compartidas para matemáticas de 6.º a 8.º grado y Matemáticas Integradas I.',
		priorities: ['math']
	},
	{
		key: 'principal-meetings',
		name: 'Principal instructional meetings',
		nameEs: 'Reuniones pedagógicas de directores',
		category: 'routines',
		authority: 'required',
		origin: 'repurposed',
		ownerRole: 'Superintendent',
		startFromLast: 5,
		description:
			'The monthly principal meeting, once mostly operations, now starts with an hour on the priorities and each school’s data.',
		descriptionEs:
			'La reunión mensual de directores, que antes trataba sobre todo de operaciones, ahora empieza con una hora dedicada a las prioridades y a los datos de cada escuela.',
		priorities: ['literacy', 'math', 'graduation']
	},
	{
		key: 'walkthroughs',
		name: 'Learning walkthroughs',
		nameEs: 'Recorridos de aprendizaje',
		category: 'routines',
		authority: 'discretionary',
		origin: 'repurposed',
		ownerRole: 'Principals',
		startFromLast: 4,
		description:
			'Short classroom visits by a site team with one focus question; schools choose the focus and the schedule.',
		descriptionEs:
			'Visitas breves a las aulas de un equipo escolar con una pregunta de enfoque; cada escuela elige el enfoque y el calendario.',
		priorities: ['literacy', 'math', 'attendance']
	},
	{
		key: 'attendance-teams',
		name: 'Site attendance teams',
		nameEs: 'Equipos escolares de asistencia',
		category: 'people',
		authority: 'discretionary',
		origin: 'new',
		ownerRole: 'Director of Student Services',
		startFromLast: 2,
		description:
			'A small team at each school that looks at attendance weekly and reaches out to families early.',
		descriptionEs:
			'Un equipo pequeño en cada escuela que revisa la asistencia cada semana y se comunica pronto con las familias.',
		priorities: ['attendance']
	},
	{
		key: 'family-grant',
		name: 'Family engagement site grants',
		nameEs: 'Subvenciones escolares para la participación familiar',
		category: 'resources',
		authority: 'discretionary',
		origin: 'repurposed',
		ownerRole: 'Chief Business Official',
		startFromLast: 2,
		description:
			'Part of each school’s supplemental budget, set aside for family outreach the school designs.',
		descriptionEs:
			'Una parte del presupuesto suplementario de cada escuela, reservada para actividades con las familias que diseña la propia escuela.',
		priorities: ['attendance']
	},
	{
		key: 'budget-alignment',
		name: 'Priority-based budget review',
		nameEs: 'Revisión del presupuesto según las prioridades',
		category: 'resources',
		authority: 'required',
		origin: 'repurposed',
		ownerRole: 'Chief Business Official',
		startFromLast: 4,
		description:
			'Each spring, every site and department budget request is reviewed against the priorities before it is approved.',
		descriptionEs:
			'Cada primavera se revisa cada solicitud de presupuesto de las escuelas y departamentos según las prioridades antes de aprobarla.',
		priorities: ['literacy', 'math', 'graduation']
	},
	{
		key: 'guiding-coalition',
		name: 'District instructional leadership team',
		nameEs: 'Equipo distrital de liderazgo pedagógico',
		category: 'governance',
		authority: 'required',
		origin: 'new',
		ownerRole: 'Superintendent',
		startFromLast: 5,
		description:
			'Principals, teacher leaders, union representatives and cabinet meet six times a year to review the priorities and decide on adjustments.',
		descriptionEs:
			'Directores, docentes líderes, representantes sindicales y el gabinete se reúnen seis veces al año para revisar las prioridades y decidir ajustes.',
		priorities: ['literacy', 'math', 'graduation']
	},
	{
		key: 'success-teams',
		name: 'Student success team meetings',
		nameEs: 'Reuniones del equipo de éxito estudiantil',
		category: 'routines',
		authority: 'discretionary',
		origin: 'repurposed',
		ownerRole: 'Director of Student Services',
		startFromLast: 5,
		description:
			'Existing student success teams now include attendance and course-completion data in every plan.',
		descriptionEs:
			'Los equipos de éxito estudiantil existentes ahora incluyen datos de asistencia y de cursos aprobados en cada plan.',
		priorities: ['attendance', 'graduation']
	}
];

export interface PolicyPlan {
	kind: PolicyKind;
	number: string;
	/** The title as CSBA numbers it (policies/csba-policy-numbers.csv). */
	title: string;
	adopted: string;
	revised: string | null;
	links: { structure: string; relation: PolicyRelation }[];
}

export const policyPlans: PolicyPlan[] = [
	{
		kind: 'BP',
		number: '0000',
		title: 'Vision',
		adopted: '2012-06-14',
		revised: '2019-06-13',
		links: [{ structure: 'guiding-coalition', relation: 'guides' }]
	},
	{
		kind: 'BP',
		number: '0200',
		title: 'Goals for the School District',
		adopted: '2012-06-14',
		revised: '2021-08-12',
		links: [{ structure: 'principal-meetings', relation: 'guides' }]
	},
	{
		kind: 'BP',
		number: '0460',
		title: 'Local Control and Accountability Plan',
		adopted: '2014-06-26',
		revised: '2022-06-23',
		links: [
			{ structure: 'budget-alignment', relation: 'funds' },
			{ structure: 'literacy-coaching', relation: 'funds' }
		]
	},
	{
		kind: 'BP',
		number: '3100',
		title: 'Budget',
		adopted: '2010-05-13',
		revised: '2020-06-25',
		links: [
			{ structure: 'budget-alignment', relation: 'requires' },
			{ structure: 'family-grant', relation: 'funds' }
		]
	},
	{
		kind: 'BP',
		number: '4131',
		title: 'Staff Development',
		adopted: '2011-03-10',
		revised: '2019-08-08',
		links: [
			{ structure: 'collaboration', relation: 'establishes' },
			{ structure: 'literacy-coaching', relation: 'requires' }
		]
	},
	{
		kind: 'BP',
		number: '6000',
		title: 'Concepts and Roles',
		adopted: '2010-09-09',
		revised: '2019-09-12',
		links: [
			{ structure: 'guiding-coalition', relation: 'establishes' },
			{ structure: 'walkthroughs', relation: 'guides' }
		]
	},
	{
		kind: 'BP',
		number: '6011',
		title: 'Academic Standards',
		adopted: '2013-10-10',
		revised: '2021-10-14',
		links: [{ structure: 'math-units', relation: 'requires' }]
	},
	{
		kind: 'BP',
		number: '6162.5',
		title: 'Student Assessment',
		adopted: '2014-04-10',
		revised: '2020-08-13',
		links: [{ structure: 'reading-assessment', relation: 'requires' }]
	},
	{
		kind: 'BP',
		number: '6190',
		title: 'Evaluation of the Instructional Program',
		adopted: '2011-11-10',
		revised: '2019-11-14',
		links: [{ structure: 'principal-meetings', relation: 'requires' }]
	},
	{
		kind: 'BP',
		number: '5113.1',
		title: 'Chronic Absence and Truancy',
		adopted: '2016-02-11',
		revised: '2022-09-08',
		links: [
			{ structure: 'attendance-teams', relation: 'guides' },
			{ structure: 'success-teams', relation: 'guides' }
		]
	},
	{
		kind: 'BP',
		number: '6020',
		title: 'Parent Involvement',
		adopted: '2012-01-12',
		revised: '2022-09-08',
		links: [{ structure: 'family-grant', relation: 'guides' }]
	},
	{
		kind: 'BP',
		number: '6174',
		title: 'Education for English Learners',
		adopted: '2015-05-14',
		revised: '2023-05-11',
		links: []
	},
	{
		kind: 'BB',
		number: '9000',
		title: 'Role of the Board',
		adopted: '2010-01-14',
		revised: '2020-12-10',
		links: [{ structure: 'guiding-coalition', relation: 'guides' }]
	}
];

export const notDoingPlans = [
	{
		title: 'A second new reading curriculum adoption',
		titleEs: 'Una segunda adopción de un nuevo currículo de lectura',
		decision: 'not pursued' as const,
		decidedFromLast: 3,
		reason:
			'Teachers are still learning the current materials. A second adoption would split coaching time and training days.',
		reasonEs:
			'Los docentes todavía están aprendiendo los materiales actuales. Una segunda adopción dividiría el tiempo de asesoría y los días de capacitación.'
	},
	{
		title: 'Monthly districtwide benchmark tests',
		titleEs: 'Exámenes de referencia mensuales en todo el distrito',
		decision: 'stopped' as const,
		decidedFromLast: 2,
		reason:
			'Three reading screeners a year tell us what we need. Monthly tests took instruction time and were rarely used.',
		reasonEs:
			'Tres evaluaciones de lectura al año nos dicen lo que necesitamos. Los exámenes mensuales quitaban tiempo de enseñanza y casi no se usaban.'
	},
	{
		title: 'A district esports league',
		titleEs: 'Una liga distrital de deportes electrónicos',
		decision: 'not pursued' as const,
		decidedFromLast: 1,
		reason:
			'A worthwhile idea, but it would need staff time and funds the board has committed to the three priorities.',
		reasonEs:
			'Es una buena idea, pero necesitaría tiempo del personal y fondos que la junta ya comprometió con las tres prioridades.'
	}
];

export const initiativePlans = [
	{
		name: 'Foundational reading skills (K–2)',
		priority: 'literacy',
		active: true,
		description: 'Daily phonics and phonemic awareness lessons in kindergarten to second grade.'
	},
	{
		name: 'Reading intervention blocks',
		priority: 'literacy',
		active: true,
		description: 'A 30-minute daily block for small-group reading help.'
	},
	{
		name: 'Math talk routines',
		priority: 'math',
		active: true,
		description: 'Number talks and shared problem routines in grades 6–9.'
	},
	{
		name: 'Every Day Counts attendance campaign',
		priority: 'attendance',
		active: true,
		description: 'Family letters, recognition and early calls home about attendance.'
	},
	{
		name: 'AVID college readiness',
		priority: null,
		active: true,
		description: 'Organization, study skills and college planning for secondary students.'
	},
	{
		name: 'Positive behavior interventions and supports',
		priority: null,
		active: true,
		description: 'Schoolwide expectations, teaching and recognition of positive behavior.'
	},
	{
		name: 'Dual language immersion',
		priority: null,
		active: true,
		description: 'Instruction in Spanish and English from kindergarten.'
	},
	{
		name: 'Garden science program',
		priority: null,
		active: true,
		description: 'Science lessons in school gardens with a community partner.'
	},
	{
		name: 'Project-based learning pilot',
		priority: null,
		active: true,
		description: 'Teachers design one long project a semester with a public product.'
	},
	{
		name: 'Summer bridge academy',
		priority: 'graduation',
		active: false,
		description: 'A two-week summer program for incoming ninth graders.'
	},
	{
		name: 'Tablet learning pilot',
		priority: null,
		active: false,
		description: 'Tablets for grades 1–2; ended when the devices aged out.'
	}
];
