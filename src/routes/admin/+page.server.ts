import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { authorize } from '$lib/server/auth/guard';
import { listAccounts } from '$lib/server/auth';
import { searchAudit } from '$lib/server/audit/history';
import { districtSettings } from '$lib/server/settings';

export const load: PageServerLoad = async (event) => {
	authorize(event, 'admin');
	const accounts = listAccounts(db());
	const recent = searchAudit(db(), {}, 1);
	return {
		accounts: {
			total: accounts.length,
			active: accounts.filter((a) => a.active).length,
			byRole: Object.fromEntries(
				['admin', 'superintendent', 'staff', 'board'].map((r) => [
					r,
					accounts.filter((a) => a.active && a.role === r).length
				])
			)
		},
		district: districtSettings(db()) ?? null,
		recent: recent.rows.slice(0, 5),
		auditTotal: recent.total
	};
};
