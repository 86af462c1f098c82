import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { outboxCounts, outboxPage, retryFailed } from '$lib/server/notices/admin';
import { checkMailServer, configuredMailer, mailStatus } from '$lib/server/notices/service';
import { noticeStatuses, type NoticeStatus } from '$lib/notices';

const size = 50;

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const p = event.url.searchParams;
	const status = (noticeStatuses as readonly string[]).includes(p.get('status') ?? '')
		? (p.get('status') as NoticeStatus)
		: null;
	const page = Math.max(1, Math.floor(Number(p.get('page') ?? '1')) || 1);
	const { rows, total } = outboxPage(db(), { status }, page, size);
	return {
		mail: mailStatus(),
		counts: outboxCounts(db()),
		status,
		page,
		pages: Math.max(1, Math.ceil(total / size)),
		total,
		rows
	};
};

export const actions: Actions = {
	check: async (event) => {
		authorize(event, 'admin');
		const mailer = configuredMailer();
		if (mailer) await checkMailServer(mailer);
		return { checked: true };
	},
	retry: async (event) => {
		const user = authorize(event, 'admin');
		return { retried: retryFailed(db(), { id: user.id, email: user.email }) };
	}
};
