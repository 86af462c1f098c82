import PDFDocument from 'pdfkit';
import { formatDate, formatValue, type Unit } from '../../format.ts';
import type { PublicMeetingRecord, PublicRecordPriority, RecordPoint } from './public-record.ts';

/**
 * A held meeting's public record as a PDF file (/meetings/[id]/record.pdf): a first page with the
 * meeting and its agenda, then one page per priority — what the board was shown (the frozen
 * figures, suppressed as on the public pages) and the update published for the meeting. It holds
 * exactly what the public page holds, nothing board-only. Written with pdfkit, whose text layout
 * wraps and flows text (a long update continues on a next page); its standard Helvetica needs
 * no font file, in the WinAnsi character set.
 */
export function recordPdf(record: PublicMeetingRecord, url: string): Promise<Uint8Array> {
	const meetingName = record.meeting.title || `${capitalize(record.meeting.kind)} meeting`;
	const date = formatDate(record.meeting.heldOn);
	const doc = new PDFDocument({
		size: 'LETTER',
		margins: { top: 54, bottom: 62, left: 58, right: 58 },
		bufferPages: true,
		pdfVersion: '1.7',
		lang: 'en-US',
		displayTitle: true,
		info: {
			Title: winAnsi(`${record.district}: ${meetingName}, ${date} — public record`),
			Author: winAnsi(record.district),
			Subject: 'What the board was shown, as presented',
			Creator: 'Throughline'
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});

	coverPage(doc, record, meetingName, date, url);
	for (const p of record.priorities) {
		doc.addPage();
		priorityPage(doc, p, record.suppressionSize);
	}
	runningFooter(doc, `${record.district} · Board meeting of ${date} · as presented`);
	doc.end();
	return done;
}

type Doc = InstanceType<typeof PDFDocument>;
const ink = '#0d1117';
const soft = '#4a5260';
const line = '#c9ced6';

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

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
	record: PublicMeetingRecord,
	meetingName: string,
	date: string,
	url: string
) {
	doc.font('Helvetica-Bold').fontSize(10).fillColor('#1d4e89').text(winAnsi(record.district));
	doc.moveDown(0.3);
	heading(doc, `${meetingName}, ${date}`, 20);
	body(doc, 'Public record of what the board was shown, kept as it was presented.', {
		color: soft
	});
	const facts = [
		`Held on ${date}.`,
		record.meeting.location ? `Location: ${record.meeting.location}.` : null,
		`The record was frozen on ${formatDate(record.frozenAt)} and cannot be changed.`,
		`Online: ${url}`
	].filter((f): f is string => !!f);
	body(doc, facts.join('\n'));

	doc.moveDown(0.5);
	heading(doc, 'Agenda', 14);
	if (record.agenda.length === 0) body(doc, 'No agenda items were recorded.');
	else {
		table(
			doc,
			['Item', 'Priority', 'Minutes'],
			[0.55, 0.33, 0.12],
			record.agenda.map((a) => [a.title, a.priorityTitle ?? 'other', String(a.minutes)])
		);
		if (record.share.percent !== null)
			body(
				doc,
				`${record.share.percent}% of the meeting's time (${record.share.priorityMinutes} of ${record.share.totalMinutes} minutes) was spent on the board's priorities.`
			);
	}
	doc.moveDown(0.5);
	heading(doc, 'Priorities in this record', 14);
	body(
		doc,
		record.priorities.length
			? record.priorities.map((p, i) => `${i + 1}. ${p.title} (page ${i + 2})`).join('\n')
			: 'There were no active priorities.'
	);
}

function priorityPage(doc: Doc, p: PublicRecordPriority, suppressionSize: number) {
	heading(doc, p.title, 17);
	if (p.sponsor) body(doc, `Sponsor: ${p.sponsor}`, { color: soft, size: 9.5 });
	if (p.trend) {
		const t = p.trend;
		heading(doc, t.name, 12);
		body(doc, `As presented: ${t.standing}.`);
		chart(doc, t.points, t.unit);
		table(
			doc,
			['School year', 'Result', 'Target'],
			[0.4, 0.3, 0.3],
			t.points.map((pt) => [
				pt.schoolYear,
				pt.suppressed ? `fewer than ${suppressionSize} students` : formatValue(pt.value, t.unit),
				formatValue(pt.target, t.unit)
			])
		);
		body(doc, `${t.name}, district, all students: results and targets as presented.`, {
			color: soft,
			size: 8.5
		});
	} else body(doc, 'This priority had no measure at the time.');

	doc.moveDown(0.4);
	heading(doc, 'Progress update published for this meeting', 12);
	const u = p.update;
	if (!u) {
		body(doc, 'No progress update was published for this meeting.');
		return;
	}
	body(doc, `Status: ${u.status}. Version ${u.version}, published ${formatDate(u.publishedAt)}.`, {
		color: soft,
		size: 9.5
	});
	doc.font('Helvetica-Bold').fontSize(10.5).fillColor(ink).text(winAnsi(u.summary));
	doc.moveDown(0.4);
	for (const [title, text] of [
		['Narrative', u.narrative],
		['What we learned', u.learned],
		['How we adjusted our support', u.adjustments],
		['Next steps', u.nextSteps]
	] as const) {
		if (!text) continue;
		doc.font('Helvetica-Bold').fontSize(10.5).fillColor(ink).text(title);
		body(doc, text);
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
function chart(doc: Doc, points: RecordPoint[], unit: Unit) {
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
			.text(winAnsi(formatValue(v, unit)), left - 44, y(v) - 3, { width: 40, align: 'right' });
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
		.text('solid: result · dashed: target', left, top + height + 16, { width });
	doc.x = doc.page.margins.left;
	doc.y = top + height + 30;
}

/** The same line at the foot of every page, with its number. */
function runningFooter(doc: Doc, text: string) {
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
			.text(
				winAnsi(`${text} · page ${i + 1} of ${range.count}`),
				doc.page.margins.left,
				doc.page.height - 40,
				{ width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center' }
			);
		doc.page.margins.bottom = bottom;
	}
}
