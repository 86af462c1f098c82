// Only the pieces of chart.js a line chart needs, so the chunk the browser fetches stays small.
import {
	CategoryScale,
	Chart,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip
} from 'chart.js';
import { chartLook as look } from './look';
import { niceTicks, thinnedLabels } from './ticks';

Chart.register(
	LineController,
	LineElement,
	PointElement,
	LinearScale,
	CategoryScale,
	Legend,
	Tooltip
);

export interface LineSeries {
	label: string;
	values: (number | null)[];
	/** Targets: dashed, hollow squares, the target color. Results: solid, filled dots. */
	dashed?: boolean;
	/** A third series' own color (the scale profile's ownership line). */
	color?: string;
	/** A student group's own targets: dotted, hollow diamonds (with `dashed` and a `color`). */
	group?: boolean;
}

export function drawLineChart(
	canvas: HTMLCanvasElement,
	labels: string[],
	series: LineSeries[],
	formatTick: (value: number, step: number) => string,
	{
		percent = false,
		min,
		max,
		count = 4,
		breaks = []
	}: {
		percent?: boolean;
		min?: number;
		max?: number;
		count?: number;
		/** Indexes of the labels a new series starts at: the line stops before them, a mark stands there. */
		breaks?: number[];
	} = {}
): Chart {
	const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	// What was drawn, for tests that check the chart against its data table.
	canvas.dataset.drawn = JSON.stringify({
		labels,
		series: series.map((s) => s.values),
		breaks
	});
	// Whether it animates: not when the reader asks for reduced motion (checked by a11y.e2e.ts).
	canvas.dataset.animated = String(!reduceMotion);
	const scale = niceTicks([...series.flatMap((s) => s.values), min, max], { count, percent });
	const font = { family: look.font, size: look.fontSize };
	return new Chart(canvas, {
		type: 'line',
		data: {
			labels,
			datasets: series.map((s) => ({
				label: s.label,
				data: s.values,
				borderColor: s.color ?? (s.dashed ? look.target : look.result),
				backgroundColor: s.dashed ? look.paper : (s.color ?? look.result),
				pointBorderColor: s.dashed ? (s.color ?? look.target) : look.paper,
				borderWidth: s.dashed ? look.targetWidth : look.resultWidth,
				borderDash: s.group ? look.groupDash : s.dashed ? look.dash : [],
				pointStyle: s.group ? 'rectRot' : s.dashed ? 'rect' : 'circle',
				pointRadius: s.group
					? look.targetRadius + 1
					: s.dashed
						? look.targetRadius
						: look.resultRadius + 1,
				pointBorderWidth: s.dashed ? 2 : 1.5,
				// A year without a value is a gap in the line, as is a break in the series.
				spanGaps: false,
				segment: {
					borderColor: (ctx: { p1DataIndex: number }) =>
						breaks.includes(ctx.p1DataIndex) ? 'transparent' : undefined
				},
				tension: 0
			}))
		},
		plugins: [
			{
				// A dotted line halfway between the year before a break and the year it starts.
				id: 'seriesBreaks',
				afterDatasetsDraw(chart) {
					const { ctx, chartArea, scales } = chart;
					ctx.save();
					ctx.strokeStyle = look.axis;
					ctx.lineWidth = 1.5;
					ctx.setLineDash([2, 3]);
					for (const i of breaks) {
						if (i < 1) continue;
						const x = (scales.x.getPixelForValue(i - 1) + scales.x.getPixelForValue(i)) / 2;
						ctx.beginPath();
						ctx.moveTo(x, chartArea.top);
						ctx.lineTo(x, chartArea.bottom);
						ctx.stroke();
					}
					ctx.restore();
				}
			}
		],
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: reduceMotion ? false : { duration: 300 },
			color: look.axis,
			font,
			plugins: {
				legend: {
					position: 'bottom',
					align: 'start',
					labels: { usePointStyle: true, color: look.axis, font, boxWidth: 10, padding: 16 }
				},
				tooltip: { titleFont: font, bodyFont: font }
			},
			scales: {
				x: {
					grid: { display: false },
					border: { color: look.grid },
					ticks: {
						color: look.axis,
						font,
						autoSkip: false,
						maxRotation: 0,
						// Every year, or evenly thinned counting back from the newest.
						callback(_value, index) {
							const shown = thinnedLabels(labels.length, Math.floor(this.chart.width / 70));
							return shown[index] ? labels[index] : '';
						}
					}
				},
				y: {
					min: scale.min,
					max: scale.max,
					grid: { color: look.grid },
					border: { display: false },
					ticks: {
						color: look.axis,
						font,
						stepSize: scale.step,
						callback: (v) => formatTick(Number(v), scale.step)
					}
				}
			}
		}
	});
}
