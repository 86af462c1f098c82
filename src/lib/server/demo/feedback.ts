/** What schools told the district about its structures, and how (and how fast) it responded. */
import { type FeedbackKind } from '../../choices.ts';
import { structurePlans } from './catalog.ts';
import { inserter, type Context } from './context.ts';
import { addDays, daysBetween, earlier, schoolYearOf } from './dates.ts';
import { feedbackResponses, feedbackSources, feedbackTexts } from './names.ts';
import { openSchools } from './schools.ts';

interface Item {
	schoolId: number;
	structureId: number;
	kind: FeedbackKind;
	summary: string;
	source: string;
	reportedOn: string;
	response: string | null;
	respondedOn: string | null;
}

function pickKind(context: Context): FeedbackKind {
	const roll = context.random.next();
	return roll < 0.4 ? 'barrier' : roll < 0.75 ? 'need' : 'bright spot';
}

function oneItem(context: Context, reportedOn: string, open: boolean): Item {
	const { random } = context;
	const eligible = structurePlans.filter(
		(plan) => context.structureStart.get(plan.key)! <= schoolYearOf(reportedOn)
	);
	const plan = random.pick(eligible.length ? eligible : structurePlans);
	const kind = pickKind(context);
	const item: Item = {
		schoolId: random.pick(openSchools(context)).id,
		structureId: context.structureIds.get(plan.key)!,
		kind,
		summary: random.pick(feedbackTexts[kind]),
		source: random.pick(feedbackSources),
		reportedOn,
		response: null,
		respondedOn: null
	};
	if (!open) {
		item.respondedOn = earlier(addDays(reportedOn, random.int(4, 45)), addDays(context.today, -1));
		item.response =
			kind === 'bright spot'
				? feedbackResponses[6]
				: random.pick(feedbackResponses.filter((_, i) => i !== 6));
	}
	return item;
}

/**
 * About one item per school and a half, across the structures' years. Most loops are closed; a
 * few stay open for more than 30 days (a signal), and a few recent ones are still fresh.
 */
export function addFeedback(context: Context): void {
	const { random } = context;
	const firstDay = `${context.firstYear}-09-01`;
	const span = daysBetween(firstDay, addDays(context.today, -61));
	const count = Math.max(12, Math.round(openSchools(context).length * 1.4));
	const items: Item[] = [];
	for (let i = 0; i < count; i++) {
		const reportedOn = addDays(firstDay, Math.round(span * Math.sqrt(random.next())));
		items.push(oneItem(context, reportedOn, random.chance(0.04)));
	}
	for (const daysAgo of [38, 52, 76])
		items.push(oneItem(context, addDays(context.today, -daysAgo), true));
	for (const daysAgo of [4, 11, 19])
		items.push(oneItem(context, addDays(context.today, -daysAgo), daysAgo < 15));
	items.sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
	const insert = inserter(context.db, 'feedback', [
		'school_id',
		'structure_id',
		'kind',
		'summary',
		'source',
		'reported_on',
		'response',
		'responded_on',
		'responded_by',
		'created_at'
	]);
	for (const item of items) {
		insert(
			item.schoolId,
			item.structureId,
			item.kind,
			item.summary,
			item.source,
			item.reportedOn,
			item.response,
			item.respondedOn,
			item.response ? context.users.superintendent : null,
			`${item.reportedOn}T17:00:00.000Z`
		);
	}
}
