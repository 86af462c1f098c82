/** Text pools for the demo district: school names, people, and the words schools and staff write. */

/** People a school may be named after. */
export const honoreeNames = [
	'César Chávez',
	'Dolores Huerta',
	'Sally Ride',
	'Fred T. Korematsu',
	'Ruth Asawa',
	'Juan Felipe Herrera',
	'Maya Angelou',
	'John Muir',
	'Sylvia Mendez',
	'Ellen Ochoa',
	'Thurgood Marshall',
	'Amelia Earhart',
	'Rosa Parks',
	'Luther Burbank',
	'Jackie Robinson',
	'Helen Keller'
] as const;

export const placeFirstWords = [
	'Oak',
	'Maple',
	'Willow',
	'Cedar',
	'Sycamore',
	'Pine',
	'Laurel',
	'Alder',
	'Madrone',
	'Juniper',
	'Aspen',
	'Cypress',
	'Manzanita',
	'Poppy',
	'Sage',
	'Buckeye',
	'Redwood',
	'Olive',
	'Walnut',
	'Orchard',
	'Mission',
	'Sierra',
	'Valley',
	'Canyon',
	'Mesa',
	'Rancho',
	'Vista',
	'Harbor',
	'Meadow',
	'River',
	'Sunset',
	'Lakeside',
	'Hillcrest',
	'Fairview',
	'Pleasant',
	'Golden',
	'Silver',
	'Quail',
	'Bay',
	'Stone'
] as const;

export const placeSecondWords = [
	'Grove',
	'Creek',
	'Ridge',
	'Park',
	'Hills',
	'Heights',
	'View',
	'Springs',
	'Glen',
	'Knoll',
	'Meadows',
	'Crossing',
	'Terrace',
	'Point',
	'Trail',
	'Hollow',
	'Bend',
	'Field',
	'Brook',
	'Landing',
	'Vale',
	'Crest',
	'Oaks',
	'Gardens',
	'Pines'
] as const;

export const givenNames = [
	'Ana',
	'Brian',
	'Carmen',
	'Daniel',
	'Erica',
	'Francisco',
	'Grace',
	'Hector',
	'Irene',
	'Jamal',
	'Karen',
	'Luis',
	'Monica',
	'Nathan',
	'Olivia',
	'Pedro',
	'Rachel',
	'Samuel',
	'Teresa',
	'Victor',
	'Wendy',
	'Xavier',
	'Yolanda',
	'Zachary',
	'Mei',
	'Arjun',
	'Lena',
	'Tomás',
	'Keisha',
	'Roberto'
] as const;

export const familyNames = [
	'Alvarez',
	'Bennett',
	'Castillo',
	'Dang',
	'Estrada',
	'Fischer',
	'Gutierrez',
	'Hoang',
	'Ibarra',
	'Johnson',
	'Kaur',
	'Lopez',
	'Morales',
	'Nguyen',
	'Okafor',
	'Patel',
	'Quintero',
	'Ramirez',
	'Sandoval',
	'Thompson',
	'Uribe',
	'Vasquez',
	'Washington',
	'Yamamoto',
	'Zamora',
	'Chen',
	'Delgado',
	'Foster',
	'Mendoza',
	'Silva'
] as const;

/** How a school adapted a discretionary structure, by structure key. */
export const adaptations: Record<string, readonly string[]> = {
	walkthroughs: [
		'Teachers join the walkthroughs as peer observers once a month.',
		'Walkthroughs focus on student talk in small groups instead of whole-class lessons.',
		'The site team visits classrooms in grade-level pairs and debriefs the same afternoon.'
	],
	'attendance-teams': [
		'The attendance team meets with the family liaison every Monday morning.',
		'Students with three absences in a month get a call from a teacher they know.',
		'The team added a short check-in with students at the bus loop.'
	],
	'family-grant': [
		'The grant pays for evening family reading nights in Spanish and English.',
		'The school spends its grant on a part-time family liaison.',
		'Grant funds cover transportation for family conferences.'
	],
	'success-teams': [
		'Student success teams meet during the collaboration block rather than after school.',
		'Counselors lead the teams and invite the student to the second meeting.',
		'The school added a six-week follow-up to every team plan.'
	]
};

export const feedbackTexts: Record<'barrier' | 'need' | 'bright spot', readonly string[]> = {
	barrier: [
		'Substitute shortages keep pulling teachers out of collaboration time.',
		'The assessment window overlaps with state testing, so teachers skip the second cycle.',
		'Coaching days are cancelled when the coach covers classes.',
		'New teachers were hired after the summer training and have not been trained.',
		'The pacing guide moves faster than students in intervention classes can follow.',
		'Walkthrough notes arrive weeks later, when they are no longer useful.'
	],
	need: [
		'Spanish versions of the family letters about attendance.',
		'A shorter data protocol that fits in a 45-minute meeting.',
		'More coaching time for grades 6 and 7 math.',
		'Release time for the site team to plan the next cycle.',
		'A way to see last year’s assessment results for students new to the school.',
		'Training for classified staff who run the morning attendance calls.'
	],
	'bright spot': [
		'Third-grade teams now bring student work to every collaboration meeting.',
		'Attendance in grade 6 rose after the team started calling families on day two.',
		'Teachers asked for a second coaching cycle on their own.',
		'The common units helped two new teachers plan with their team from the first week.',
		'Students explain their reasoning in math lessons far more than last year.',
		'The site team now runs the walkthroughs without district staff.'
	]
};

export const feedbackResponses: readonly string[] = [
	'The district moved the second assessment window two weeks later for all schools.',
	'Educational Services added a substitute pool reserved for collaboration days.',
	'The coach’s schedule now protects coaching days; coverage comes from the district pool.',
	'A make-up training for new teachers was held in October and recorded.',
	'Translated family letters were sent to every school.',
	'The data protocol was shortened to 40 minutes and shared at the principal meeting.',
	'We shared this practice with all principals and added it to the next walkthrough focus.',
	'The district funded two release days for the site team this spring.'
];

export const feedbackSources = [
	'Principal meeting',
	'Site visit',
	'Teacher survey',
	'Coaching log',
	'School site council'
] as const;

/** Board agenda items not tied to a priority. */
export const otherAgendaItems = [
	'Consent agenda',
	'Public comment',
	'Facilities update',
	'Personnel report',
	'Budget update',
	'Student board member report',
	'Approval of contracts',
	'Collective bargaining update',
	'Recognition of students and staff'
] as const;

export const engagementNotes: readonly string[] = [
	'Visited classrooms with the principal and met the site team.',
	'Joined a grade-level team meeting and looked at student work.',
	'Presented the year’s progress to principals and assistant principals.',
	'Led a session for teacher leaders on the next cycle.',
	'Walked classrooms with the coach and talked with students.'
];
