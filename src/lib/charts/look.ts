// One look for every trend chart, the server-drawn SVG and chart.js alike: the same colors (the
// design tokens' chart roles in app.css), markers, dash and type. Results: a solid line with filled
// circles. Targets: a dashed line with hollow squares, so they differ without color.
export const chartLook = {
	result: '#1d4e89',
	target: '#9c4a00',
	grid: '#d9dee5',
	axis: '#4a5260',
	paper: '#ffffff',
	font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
	fontSize: 13,
	resultWidth: 2.5,
	targetWidth: 2,
	dash: [6, 4] as number[],
	resultRadius: 4,
	targetRadius: 4.5
};
