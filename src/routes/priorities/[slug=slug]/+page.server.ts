import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { derived } from '$lib/server/cache/derived';
import { priorityPage } from '$lib/server/views/public-summary';
import { schoolListPage, schoolListQuery } from '$lib/server/priorities/school-list';
import { carriersOfPriority } from '$lib/server/throughline/carriers';
import { planChangeCount } from '$lib/server/priorities/plan-changes';
import { pageJsonLd } from '$lib/server/opendata/dcat';
import { dispositionRecords } from '$lib/server/board-record/dispositions';
import { locale, pick } from '$lib/i18n';
import { chartNotes } from '$lib/server/context/notes';
import { measureDates } from '$lib/server/context/dates';
import { areaFiguresOf } from '$lib/server/context/area';

// Read, not used: the page ships no JavaScript (trends are SVG drawn on the server; sorting,
// search and paging are links and a GET form), so it is readable at once on a slow phone.
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
	const store = db();
	// Every sort, search and page of the school tables starts from the same figures.
	const page = derived(store, `priority page ${params.slug}`, () =>
		priorityPage(store, params.slug)
	);
	if (!page) error(404, m.error_no_priority());
	// The structures that carry the priority and the policies behind them: public facts only.
	const carriers = carriersOfPriority(store, page.priority.id);
	const query = schoolListQuery(url.searchParams);
	return {
		page: {
			...page,
			measures: page.measures.map(({ schools, ...measure }) => ({
				...measure,
				schools: schoolListPage(schools, measure.years.at(-1), query)
			}))
		},
		carriers,
		// Public notes only: an internal note never reaches a public page.
		notes: chartNotes(store, { priorityId: page.priority.id }, { internal: false }),
		areas: areaFiguresOf(
			store,
			page.measures.map((x) => x.id)
		),
		dates: measureDates(
			store,
			page.measures.map((x) => x.id)
		),
		query,
		changes: planChangeCount(store, page.priority.id),
		verdicts: dispositionRecords(store, { priorityId: page.priority.id }),
		jsonLd: pageJsonLd(store, url.origin, locale(), {
			dataset: 'results',
			filter: { priority: page.priority.slug },
			name: pick(page.priority.title, page.priority.titleEs).text,
			description: pick(page.priority.description, page.priority.descriptionEs).text || undefined
		})
	};
};
