// The audit trail in the product's words: fields as the forms label them, records and actions as
// PRODUCT.md names them, values as a person reads them (dates one way, yes/no, words for codes).
// Isomorphic: the server resolves ids to names first (server/audit/names.ts).
import { formatDate, formatDateTime } from '../format.ts';

/** Field → the label its form gives it. */
const fieldLabels: Record<string, string> = {
	adoptedMeetingId: 'Adopted at meeting',
	adoptedOn: 'Adopted',
	authority: 'Authority',
	baselineValue: 'Baseline value',
	baselineYearId: 'Baseline year',
	boardTimeGoalPercent: 'Goal for board time on the priorities (%)',
	category: 'Category',
	cdsCode: 'CDS code',
	charter: 'Charter school',
	closedOn: 'Closed on',
	code: 'Code',
	createdAt: 'Created',
	contentType: 'Image type',
	currentSchoolYearId: 'Current school year',
	decidedOn: 'Decided on',
	decision: 'Decision',
	description: 'Description',
	descriptionEs: 'Spanish description',
	direction: 'Better when',
	email: 'E-mail',
	endedOn: 'Ended',
	engagementWindowDays: 'Engagement window (days)',
	excluded: 'Left out of by-school tables',
	excludedOn: 'Left out since',
	excludedReason: 'Why it is left out',
	feedbackOpenDays: 'Feedback open at most (days)',
	fileName: 'File',
	frozenAt: 'Frozen',
	gradeSpan: 'Grade span',
	headline: 'Headline measure',
	heldAt: 'Marked held',
	heldBy: 'Marked held by',
	heldOn: 'Date',
	initiativeLimit: 'Initiatives per school at most',
	kind: 'Kind',
	location: 'Location',
	measureId: 'Measure',
	meetingId: 'Meeting',
	mfaRequired: 'Authenticator app required',
	minutes: 'Minutes',
	name: 'Name',
	nameEs: 'Spanish name',
	note: 'Note',
	number: 'Number',
	occurredOn: 'Date',
	openedOn: 'Opened on',
	origin: 'Repurposed or new',
	ownerRole: 'Owner role',
	personName: 'Name',
	policyId: 'Policy',
	priorityCap: 'Cap on active priorities',
	priorityId: 'Priority',
	rationale: 'Rationale',
	reason: 'Why',
	reasonEs: 'Spanish reason',
	relation: 'How the policy relates to this structure',
	reportedOn: 'Reported on',
	respondedOn: 'Responded on',
	response: 'The district’s response',
	revisedOn: 'Last revised',
	role: 'Role',
	schoolId: 'School',
	schoolYearId: 'School year',
	sha256: 'SHA-256',
	size: 'Size (bytes)',
	slug: 'Web address',
	sortOrder: 'Order',
	source: 'Source',
	speakerNotes: 'Speaker notes',
	sponsor: 'Sponsor',
	startYearId: 'Start year',
	startedOn: 'Started',
	status: 'Status',
	structureId: 'Structure',
	studentGroup: 'Student group',
	studentGroupCode: 'Student group',
	summary: 'Summary',
	summaryEs: 'Summary in Spanish',
	suppressionSize: 'Smallest group shown',
	title: 'Title',
	titleEs: 'Spanish title',
	type: 'Type',
	unit: 'Unit',
	updatedAt: 'Last changed',
	url: 'Link',
	userId: 'Person'
};

/** Fields that say nothing to a reader (internal keys), left out of a change's rows. */
export const hiddenFields = new Set([
	'id',
	'districtId',
	'hash',
	'prevHash',
	'emailVerified',
	'image'
]);

const acronyms: Record<string, string> = { cds: 'CDS', url: 'URL', n: 'n', es: 'in Spanish' };

/** A field in words: the form's label, else "cdsCode" → "CDS code", "startYearId" → "Start year". */
export function fieldLabel(key: string): string {
	if (fieldLabels[key]) return fieldLabels[key];
	const words = key
		.replace(/Id$|_id$/, '')
		.replace(/[_-]+/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(' ')
		.filter(Boolean)
		.map((w) => acronyms[w] ?? w);
	const text = words.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const valueWords: Record<string, string> = {
	'not-pursued': 'not pursued',
	not_pursued: 'not pursued',
	'on-track': 'on track',
	'off-track': 'off track',
	'site-discretion': 'site discretion',
	site_discretion: 'site discretion',
	required: 'required districtwide',
	higher: 'higher is better',
	lower: 'lower is better'
};

/** A value as a person reads it. */
export function valueText(field: string, value: unknown): string {
	if (value === undefined) return '';
	if (value === null || value === '') return '—';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (Array.isArray(value)) return value.map((v) => valueText(field, v)).join(', ');
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>)
			.filter(([k]) => !hiddenFields.has(k))
			.map(([k, v]) => `${fieldLabel(k)}: ${valueText(k, v)}`)
			.join('; ');
	}
	const text = String(value);
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(text);
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
	return valueWords[text] ?? text;
}

const entityNames: Record<string, string> = {
	agenda_item: 'Agenda item',
	board_meeting: 'Board meeting',
	board_question: 'Board question',
	check_in: 'Implementation check-in',
	district: 'District settings',
	engagement: 'Engagement',
	feedback: 'Feedback',
	file: 'Imported file',
	initiative: 'Initiative',
	leader_tenure: 'Leader',
	measure: 'Measure',
	monitoring_due: 'Update due',
	not_doing: 'Not-doing item',
	notice: 'E-mail notice',
	policy: 'Policy',
	priority: 'Priority',
	progress_update: 'Progress update',
	progress_update_version: 'Progress update',
	school: 'School',
	session: 'Sign-in',
	structure: 'Structure',
	student_group: 'Student group',
	user: 'Account'
};

/** A record type in words: "not_doing" → "Not-doing item". */
export function entityName(entity: string): string {
	return entityNames[entity] ?? fieldLabel(entity);
}

const actionWords: Record<string, string> = {
	create: 'created',
	update: 'changed',
	delete: 'deleted',
	freeze: 'frozen',
	hold: 'marked held',
	logo: 'logo uploaded',
	'logo-removed': 'logo removed',
	notify: 'e-mailed',
	'notify-failed': 'e-mail refused',
	'notice-choices': 'notice settings changed',
	unsubscribe: 'unsubscribed',
	publish: 'published',
	share: 'shared with the board',
	'sign-in': 'signed in',
	'sign-out': 'signed out'
};

/** An action in words: "update" → "changed". */
export function actionName(action: string): string {
	return actionWords[action] ?? action.replace(/[-_]+/g, ' ');
}
