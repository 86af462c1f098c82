import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { auditChainStatus, auditVocabulary, searchAudit } from '$lib/server/audit/history';

const day = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const p = event.url.searchParams;
	const text = (k: string) => (p.get(k) ?? '').trim().slice(0, 200);
	const filter = {
		person: text('person'),
		entity: text('entity'),
		entityId: text('entityId'),
		action: text('action'),
		from: day.test(text('from')) ? text('from') : '',
		to: day.test(text('to')) ? text('to') : ''
	};
	const page = Number(p.get('page') ?? '1');
	return {
		filter,
		result: searchAudit(db(), filter, Number.isFinite(page) ? page : 1),
		vocabulary: auditVocabulary(db()),
		chain: auditChainStatus(db())
	};
};
