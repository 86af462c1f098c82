// The fixed lists the product is made of — statuses, units, school types, kinds — in one module
// that the schema (column enums), the domain (validation) and the pages (choices, labels) all
// import. It runs in the browser as well as on the server, so it holds nothing but lists.

// auth
export const roles = ['admin', 'superintendent', 'staff', 'board'] as const;
export type Role = (typeof roles)[number];

// district
/** The board's settings of a new district: the schema's column defaults and the settings form's. */
export const districtDefaults = {
	priorityCap: 5,
	suppressionSize: 11,
	initiativeLimit: 4,
	engagementWindowDays: 90,
	boardTimeGoalPercent: 50,
	feedbackOpenDays: 30,
	mfaRequired: true
} as const;
/**
 * The district's logo in the site header: raster images only (an SVG may carry script), small
 * enough for every page to load it.
 */
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof logoTypes)[number];
export const logoMaxBytes = 200 * 1024;

export const schoolTypes = [
	'elementary',
	'middle',
	'high',
	'k-8',
	'continuation',
	'alternative',
	'other'
] as const;
export type SchoolType = (typeof schoolTypes)[number];
export const studentGroupKinds = ['student-group', 'test-takers'] as const;
export type StudentGroupKind = (typeof studentGroupKinds)[number];

// feedback
export const feedbackKinds = ['barrier', 'need', 'bright spot'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

// leadership
export const leaderRoles = ['superintendent', 'sponsor', 'principal'] as const;
export type LeaderRole = (typeof leaderRoles)[number];
export const engagementKinds = [
	'site visit',
	'walkthrough',
	'presentation',
	'professional learning'
] as const;
export type EngagementKind = (typeof engagementKinds)[number];

// measures
export const measureUnits = ['percent', 'points', 'count', 'rate', 'scale'] as const;
export type MeasureUnit = (typeof measureUnits)[number];
export const measureDirections = ['higher', 'lower'] as const;
export type MeasureDirection = (typeof measureDirections)[number];
export const measureKinds = ['outcome', 'implementation'] as const;
export const colorMissingReasons = ['status-only', 'small-group', 'not-given'] as const;
export type ColorMissingReason = (typeof colorMissingReasons)[number];

// meetings
export const meetingKinds = ['regular', 'special', 'study session'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const updateStates = ['draft', 'shared', 'published'] as const;
export type UpdateState = (typeof updateStates)[number];
export const updateStatuses = ['on track', 'watch', 'off track'] as const;
export type UpdateStatus = (typeof updateStatuses)[number];

// priorities
export const priorityStatuses = ['active', 'completed', 'retired'] as const;
export type PriorityStatus = (typeof priorityStatuses)[number];

// structures
export const structureCategories = [
	'time',
	'people',
	'materials',
	'routines',
	'monitoring',
	'resources',
	'governance'
] as const;
export type StructureCategory = (typeof structureCategories)[number];
/** Tight (required districtwide) or loose (site discretion). */
export const structureAuthorities = ['required', 'discretionary'] as const;
export type StructureAuthority = (typeof structureAuthorities)[number];
export const structureOrigins = ['repurposed', 'new'] as const;
export const policyKinds = ['BP', 'AR', 'E', 'BB'] as const;
export type PolicyKind = (typeof policyKinds)[number];
export const policyRelations = ['establishes', 'funds', 'requires', 'guides'] as const;
export type PolicyRelation = (typeof policyRelations)[number];

// plan-changes
export const planChangeKinds = [
	'measure-added',
	'measure-removed',
	'targets',
	'baseline',
	'status',
	'structure-added',
	'structure-removed'
] as const;
export type PlanChangeKind = (typeof planChangeKinds)[number];

// lcap
/** The state template's goal types, in its order. */
export const lcapGoalTypes = ['broad', 'focus', 'equity-multiplier', 'maintenance'] as const;
export type LcapGoalType = (typeof lcapGoalTypes)[number];
/** A mid-year status the district chooses for an action. */
export const lcapActionStatuses = ['not started', 'in progress', 'completed'] as const;
export type LcapActionStatus = (typeof lcapActionStatuses)[number];

// signals
/** The areas the board's signals fall in, in the order the overview lists them. */
export const signalAreas = [
	'throughline',
	'reach',
	'leadership',
	'meetings',
	'feedback',
	'load',
	'accountability'
] as const;
export type SignalArea = (typeof signalAreas)[number];

// accounts
/** A new password's length, checked by the server and told to the browser (`minlength`). */
export const minPasswordLength = 12;
export const maxPasswordLength = 128;

/** The board's verdict on a monitoring report: is the interpretation reasonable, was progress made. */
export const verdicts = ['yes', 'partly', 'no'] as const;
export type Verdict = (typeof verdicts)[number];
/** A board member's vote in a roll call. */
export const rollCallVotes = ['aye', 'no', 'abstain', 'absent'] as const;
export type RollCallVote = (typeof rollCallVotes)[number];
