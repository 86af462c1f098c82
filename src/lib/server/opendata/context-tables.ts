// The context of the public charts as open data: the dated event notes (public ones only: an
// internal note never reaches the open data) and the breaks in each measure's series, the state's
// and the district's.
import type { Db } from '../db/open.ts';
import { publicNotes } from '../context/notes.ts';
import { breaksOfMeasures } from '../results/breaks.ts';
import { measures } from '../db/schema/measures.ts';
import { schoolYearLabel } from '../../school-year.ts';
import type { Filter } from './filters.ts';
import { measureRows, priorityRows, type Row } from './tables.ts';

/** Public notes of the district, its schools and its public priorities (never a draft's). */
export function eventNoteRows(db: Db, filter: Filter = {}): Row[] {
	const shown = new Set(priorityRows(db).map((p) => p.slug));
	return publicNotes(db)
		.filter((n) => n.priority === null || shown.has(n.priority))
		.filter((n) => !filter.priority || n.priority === filter.priority || n.priority === null)
		.map((n) => ({
			date: n.date,
			school_cds_code: n.school_cds_code,
			school_name: n.school,
			priority: n.priority,
			note: n.note,
			note_es: n.note_es
		}));
}

/** The breaks of the measures the public pages show (those of a priority). */
export function seriesBreakRows(db: Db, filter: Filter = {}): Row[] {
	const codes = new Set(measureRows(db, filter).map((m) => m.code));
	const shown = db
		.select({ id: measures.id, code: measures.code })
		.from(measures)
		.all()
		.filter((m) => codes.has(m.code));
	const breaks = breaksOfMeasures(
		db,
		shown.map((m) => m.id)
	);
	return shown.flatMap((m) =>
		(breaks.get(m.id) ?? []).map((b) => ({
			measure: m.code,
			school_year: schoolYearLabel(b.startYear),
			kind: b.kind,
			by: b.by,
			reason: b.reason,
			reason_es: b.reasonEs
		}))
	);
}
