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
	color: string;
	dashed?: boolean;
}

export function drawLineChart(
	canvas: HTMLCanvasElement,
	labels: string[],
	series: LineSeries[],
	formatTick: (value: number) => string
): Chart {
	const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	// What was drawn, for tests that check the chart against its data table.
	canvas.dataset.drawn = JSON.stringify({ labels, series: series.map((s) => s.values) });
	// Whether it animates: not when the reader asks for reduced motion (checked by a11y.e2e.ts).
	canvas.dataset.animated = String(!reduceMotion);
	return new Chart(canvas, {
		type: 'line',
		data: {
			labels,
			datasets: series.map((s) => ({
				label: s.label,
				data: s.values,
				borderColor: s.color,
				backgroundColor: s.color,
				borderDash: s.dashed ? [6, 4] : [],
				pointStyle: s.dashed ? 'rectRot' : 'circle',
				pointRadius: 4,
				spanGaps: true,
				tension: 0
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: reduceMotion ? false : { duration: 300 },
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
			scales: { y: { ticks: { callback: (v) => formatTick(Number(v)) } } }
		}
	});
}
