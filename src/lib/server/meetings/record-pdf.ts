import PDFDocument from 'pdfkit';
import { formatDate, formatValue, type Locale, type Unit } from '../../format.ts';
import * as m from '../../paraglide/messages/_index.js';
import { standingText } from '../../wording.ts';
import type { PublicMeetingRecord, PublicRecordPriority, RecordPoint } from './public-record.ts';

/**
 * A held meeting's public record as a PDF file (/meetings/[id]/record.pdf): a first page with the
 * meeting and its agenda, then one page per priority — what the board was shown (the frozen
 * figures, suppressed as on the public pages) and the update published for the meeting. It holds
 * exactly what the public page holds, nothing board-only. Written with pdfkit, whose text layout
 * wraps and flows text (a long update continues on a next page); its standard Helvetica needs
 * no font file, in the WinAnsi character set. In Spanish (/es/…) its words are Spanish; what
 * exists only in English (the record's standing, an update's text without a Spanish version) is
 * marked "(solo en inglés)".
 */
export function recordPdf(
	record: PublicMeetingRecord,
	url: string,
	locale: Locale = 'en'
): Promise<Uint8Array> {
	const w = words(locale);
	const meetingName = record.meeting.title || w.kind(record.meeting.kind);
	const date = formatDate(record.meeting.heldOn, locale);
	const doc = new PDFDocument({
		size: 'LETTER',
		margins: { top: 54, bottom: 62, left: 58, right: 58 },
		bufferPages: true,
		pdfVersion: '1.7',
		lang: locale === 'es' ? 'es-US' : 'en-US',
		displayTitle: true,
		info: {
			Title: winAnsi(m.pdf_title({ district: record.district, meeting: meetingName, date }, w.o)),
			Author: winAnsi(record.district),
			Subject: winAnsi(m.pdf_subject({}, w.o)),
			Creator: 'Throughline'
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});

	coverPage(doc, w, record, meetingName, date, url);
	for (const p of record.priorities) {
		doc.addPage();
		priorityPage(doc, w, p, record.suppressionSize);
	}
	runningFooter(doc, (n, total) =>
		m.pdf_footer({ district: record.district, date, n: String(n), total: String(total) }, w.o)
	);
	doc.end();
	return done;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The record's words in one language, and how to pick staff's text in it. */
function words(locale: Locale) {
	const o = { locale };
	return {
		locale,
		o,
		kind: (kind: string) =>
			kind === 'special'
				? m.meeting_kind_special({}, o)
				: kind === 'study session'
					? m.meeting_kind_study({}, o)
					: m.meeting_kind_regular({}, o),
		status: (status: string) =>
			status === 'on track'
				? m.update_on_track({}, o)
				: status === 'off track'
					? m.update_off_track({}, o)
					: m.update_watch({}, o),
		/** Staff's text in the reader's language, else the English marked so on Spanish pages. */
		pick: (en: string, es: string | null | undefined) =>
			locale === 'es' && es?.trim()
				? es
				: locale === 'es'
					? `${en} ${m.only_english_note({}, o)}`
					: en
	};
}
type Words = ReturnType<typeof words>;
const ink = '#0d1117';
const soft = '#4a5260';
const line = '#c9ced6';

/**
 * Text in the standard fonts' character set (WinAnsi): the typographic minus and spaces that
 * Intl writes become their plain forms; anything else outside it, a question mark.
 */
export function winAnsi(text: string): string {
	return text
		.replace(/[\u2212\u2010\u2011]/g, '-')
		.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
		.replace(/\u2264/g, '<=')
		.replace(/\u2265/g, '>=')
		.replace(/\u2192/g, '->')
		.replace(/[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

function heading(doc: Doc, text: string, size: number) {
	doc.font('Helvetica-Bold').fontSize(size).fillColor(ink).text(winAnsi(text));
	doc.moveDown(0.3);
}

function body(doc: Doc, text: string, options: { color?: string; size?: number } = {}) {
	doc
		.font('Helvetica')
		.fontSize(options.size ?? 10.5)
		.fillColor(options.color ?? ink)
		.text(winAnsi(text), { lineGap: 1.5 });
	doc.moveDown(0.4);
}

function coverPage(
	doc: Doc,
	w: Words,
	record: PublicMeetingRecord,
	meetingName: string,
	date: string,
	url: string
) {
	doc.font('Helvetica-Bold').fontSize(10).fillColor('#1d4e89').text(winAnsi(record.district));
	doc.moveDown(0.3);
	heading(doc, `${meetingName}, ${date}`, 20);
	body(doc, m.pdf_subtitle({}, w.o), { color: soft });
	const facts: string[] = [m.meeting_held_on({ date }, w.o)];
	if (record.meeting.location)
		facts.push(m.meeting_location({ location: record.meeting.location }, w.o));
	facts.push(m.meeting_frozen({ date: formatDate(record.frozenAt, w.locale) }, w.o));
	facts.push(m.pdf_online({ url }, w.o));
	body(doc, facts.join('\n'));

	doc.moveDown(0.5);
	heading(doc, m.meeting_agenda({}, w.o), 14);
	if (record.agenda.length === 0) body(doc, m.meeting_no_agenda({}, w.o));
	else {
		table(
			doc,
			[
				m.meeting_col_item({}, w.o),
				m.meeting_col_priority({}, w.o),
				m.meeting_col_minutes({}, w.o)
			],
			[0.55, 0.33, 0.12],
			record.agenda.map((a) => [
				a.title,
				a.priorityTitle ? w.pick(a.priorityTitle, a.priorityTitleEs) : m.meeting_other({}, w.o),
				String(a.minutes)
			])
		);
		if (record.share.percent !== null)
			body(
				doc,
				m.meeting_time_share(
					{
						percent: String(record.share.percent),
						priority: String(record.share.priorityMinutes),
						total: String(record.share.totalMinutes)
					},
					w.o
				)
			);
	}
	doc.moveDown(0.5);
	heading(doc, m.meeting_priorities_nav({}, w.o), 14);
	body(
		doc,
		record.priorities.length
			? record.priorities
					.map(
						(p, i) =>
							`${i + 1}. ${m.pdf_priority_page({ title: w.pick(p.title, p.titleEs), n: String(i + 2) }, w.o)}`
					)
					.join('\n')
			: m.pdf_no_priorities({}, w.o)
	);
}

function priorityPage(doc: Doc, w: Words, p: PublicRecordPriority, suppressionSize: number) {
	const o = w.o;
	heading(doc, w.pick(p.title, p.titleEs), 17);
	if (p.sponsor)
		body(doc, `${m.priority_sponsor({}, o)}: ${p.sponsor}`, { color: soft, size: 9.5 });
	if (p.trend) {
		const t = p.trend;
		const name = w.pick(t.name, t.nameEs);
		heading(doc, name, 12);
		// The standing as data is worded in the reader's language; an older record kept only the
		// English sentence as presented.
		body(
			doc,
			`${m.meeting_standing({}, o)} ${t.standingData ? standingText(t.standingData, t.unit, w.locale) : w.pick(t.standing, null)}`
		);
		chart(doc, w, t.points, t.unit);
		table(
			doc,
			[m.meeting_col_year({}, o), m.meeting_col_result({}, o), m.meeting_col_target({}, o)],
			[0.4, 0.3, 0.3],
			t.points.map((pt) => [
				pt.schoolYear,
				pt.suppressed
					? m.result_suppressed({ n: suppressionSize }, o)
					: formatValue(pt.value, t.unit, w.locale),
				formatValue(pt.target, t.unit, w.locale)
			])
		);
		body(doc, m.meeting_figures_caption({ name }, o), { color: soft, size: 8.5 });
	} else body(doc, m.meeting_no_measure({}, o));

	doc.moveDown(0.4);
	heading(doc, m.meeting_update({}, o), 12);
	const u = p.update;
	if (!u) {
		body(doc, m.meeting_no_update({}, o));
		return;
	}
	body(
		doc,
		m.pdf_update_line(
			{
				status: w.status(u.status),
				version: String(u.version),
				date: formatDate(u.publishedAt, w.locale)
			},
			o
		),
		{ color: soft, size: 9.5 }
	);
	doc
		.font('Helvetica-Bold')
		.fontSize(10.5)
		.fillColor(ink)
		.text(winAnsi(w.pick(u.summary, u.summaryEs)));
	doc.moveDown(0.4);
	for (const [title, text, es] of [
		[m.pdf_narrative({}, o), u.narrative, u.narrativeEs],
		[m.update_learned({}, o), u.learned, u.learnedEs],
		[m.update_adjusted({}, o), u.adjustments, u.adjustmentsEs],
		[m.update_next_steps({}, o), u.nextSteps, u.nextStepsEs]
	] as const) {
		if (!text) continue;
		doc.font('Helvetica-Bold').fontSize(10.5).fillColor(ink).text(winAnsi(title));
		body(doc, w.pick(text, es));
	}
}

/** A plain table: a header row, then rows; each column a share of the text width. */
function table(doc: Doc, head: string[], shares: number[], rows: string[][]) {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const widths = shares.map((s) => s * width - 6);
	const row = (cells: string[], bold: boolean) => {
		doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
		const height = Math.max(
			...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: widths[i] }))
		);
		if (doc.y + height + 6 > doc.page.height - doc.page.margins.bottom) doc.addPage();
		const y = doc.y;
		let x = left;
		cells.forEach((c, i) => {
			doc.fillColor(ink).text(winAnsi(c), x, y, { width: widths[i] });
			x += shares[i] * width;
		});
		doc.y = y + height + 3;
		doc
			.moveTo(left, doc.y)
			.lineTo(left + width, doc.y)
			.lineWidth(0.5)
			.strokeColor(line)
			.stroke();
		doc.y += 3;
	};
	row(head, true);
	for (const r of rows) row(r, false);
	doc.x = left;
	doc.moveDown(0.4);
}

/** The trend as in the packet: results (solid) against targets (dashed), by school year. */
function chart(doc: Doc, w: Words, points: RecordPoint[], unit: Unit) {
	const values = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
	if (values.length < 2 || points.length < 2) return;
	const left = doc.page.margins.left + 40;
	const width = 300;
	const height = 110;
	const top = doc.y + 6;
	let min = Math.min(...values);
	let max = Math.max(...values);
	if (min === max) [min, max] = [min - 1, max + 1];
	const x = (i: number) => left + (i / (points.length - 1)) * width;
	const y = (v: number) => top + height - ((v - min) / (max - min)) * height;
	doc.lineWidth(0.5).strokeColor(line);
	for (const v of [min, max]) {
		doc
			.moveTo(left, y(v))
			.lineTo(left + width, y(v))
			.stroke();
		doc
			.font('Helvetica')
			.fontSize(7)
			.fillColor(soft)
			.text(winAnsi(formatValue(v, unit, w.locale)), left - 44, y(v) - 3, {
				width: 40,
				align: 'right'
			});
	}
	const series = (key: 'value' | 'target', color: string, dash: boolean) => {
		const pts = points
			.map((p, i) => [i, p[key]] as const)
			.filter((pair): pair is readonly [number, number] => pair[1] !== null);
		if (pts.length === 0) return;
		doc.lineWidth(1.5).strokeColor(color);
		if (dash) doc.dash(4, { space: 3 });
		pts.forEach(([i, v], k) => (k === 0 ? doc.moveTo(x(i), y(v)) : doc.lineTo(x(i), y(v))));
		doc.stroke().undash();
		for (const [i, v] of pts) doc.circle(x(i), y(v), 2).fillColor(color).fill();
	};
	series('target', '#b35900', true);
	series('value', ink, false);
	points.forEach((p, i) =>
		doc
			.font('Helvetica')
			.fontSize(7)
			.fillColor(soft)
			.text(p.schoolYear, x(i) - 20, top + height + 4, { width: 40, align: 'center' })
	);
	doc
		.fontSize(7.5)
		.fillColor(soft)
		.text(winAnsi(m.pdf_chart_legend({}, w.o)), left, top + height + 16, { width });
	doc.x = doc.page.margins.left;
	doc.y = top + height + 30;
}

/** The same line at the foot of every page, with its number. */
function runningFooter(doc: Doc, text: (n: number, total: number) => string) {
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		// Writing below the bottom margin would start a new page.
		doc.page.margins.bottom = 0;
		doc
			.font('Helvetica')
			.fontSize(8)
			.fillColor(soft)
			.text(winAnsi(text(i + 1, range.count)), doc.page.margins.left, doc.page.height - 40, {
				width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
				align: 'center'
			});
		doc.page.margins.bottom = bottom;
	}
}
