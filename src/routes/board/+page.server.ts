import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { forReader, keptBoardSignals } from '$lib/server/views/signals';
import { publicSummary } from '$lib/server/views/public-summary';
import { derived } from '$lib/server/cache/derived';
import { setupChecklist } from '$lib/server/setup/checklist';
import { accountabilityLine } from '$lib/server/accountability/overview';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'board');
	const database = db();
	// Administrators see how far setup has come until every step is done.
	const setupLeft =
		user.role === 'admin' ? setupChecklist(database).filter((s) => !s.done).length : 0;
	const { context, signals } = keptBoardSignals(database);
	const summary = derived(database, 'public summary', () => publicSummary(database));
	return {
		setupLeft,
		districtName: summary.district?.name ?? null,
		priorityCap: context.settings.priorityCap,
		priorities: summary.active.map(({ priority, headline, update }) => ({
			id: priority.id,
			slug: priority.slug,
			title: priority.title,
			sponsor: priority.sponsor,
			headline: headline
				? {
						name: headline.name,
						unit: headline.unit,
						series: headline.series,
						targets: headline.targets,
						summary: headline.summary,
						brief: headline.brief,
						standing: headline.standing
					}
				: null,
			update: update ? { status: update.status, meetingDate: update.meetingDate } : null,
			signals: signals.filter(
				(s) => s.subject?.entity === 'priority' && s.subject.id === priority.id
			).length
		})),
		signals: forReader(signals, user),
		accountability: derived(database, 'accountability line', () => accountabilityLine(database))
	};
};
