// The accountability page's tables as open data: what /accountability shows the public, no more
// (no group under the suppression size, computed or Red).
import type { Db } from '../db/open.ts';
import { accountabilityView } from '../accountability/overview.ts';
import type { Row } from './tables.ts';

const areas = (list: readonly number[]) => (list.length ? list.join(';') : null);

export function accountabilityStatusRows(db: Db): Row[] {
	const v = accountabilityView(db, 'public');
	return [
		...v.years.map((y) => ({
			dashboard_year: y.year,
			state_status: y.stateStatus,
			computed: y.computedFrom,
			computed_eligible: y.computedFrom ? y.eligible : null
		})),
		...v.history.map((h) => ({
			dashboard_year: h.year,
			state_status: h.status,
			computed: false,
			computed_eligible: null
		}))
	].sort((a, b) => b.dashboard_year - a.dashboard_year);
}

export function accountabilityGroupRows(db: Db): Row[] {
	return accountabilityView(db, 'public').years.flatMap((y) =>
		y.groups.map((g) => ({
			dashboard_year: y.year,
			student_group: g.group.code,
			computed_priority_areas: areas(g.computed),
			computed_letter: g.computedLetter,
			state_letter: y.stateImported ? g.stateLetter : null,
			state_priority_areas: y.stateImported ? areas(g.state) : null,
			differs: g.differs
		}))
	);
}

export function accountabilityRedRows(db: Db): Row[] {
	return accountabilityView(db, 'public').years.flatMap((y) => [
		...y.reds.map((r) => ({
			dashboard_year: y.year,
			school_cds_code: null,
			student_group: r.group.code,
			indicator: r.indicator,
			value: r.value,
			students: r.n,
			basis: r.basis,
			addressed_by: r.addressedBy.length
				? [...new Set(r.addressedBy.map((a) => a.slug))].join(';')
				: null
		})),
		...y.schoolReds.flatMap((school) =>
			school.reds.map((r) => ({
				dashboard_year: y.year,
				school_cds_code: school.cds,
				student_group: r.group.code,
				indicator: r.indicator,
				value: r.value,
				students: r.n,
				basis: r.basis,
				addressed_by: null
			}))
		)
	]);
}

export function accountabilitySchoolRows(db: Db): Row[] {
	return accountabilityView(db, 'public').years.flatMap((y) =>
		y.schools.map((s) => ({
			dashboard_year: y.year,
			school_cds_code: s.cds,
			school_name: s.name,
			essa_status: s.status,
			student_groups: s.groups.length ? s.groups.map((g) => g.code).join(';') : null
		}))
	);
}
