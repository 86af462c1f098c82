// One look for every trend chart, the server-drawn SVG and chart.js alike: the same colors (the
// design tokens' chart roles in app.css), markers, dash and type. Results: a solid line with filled
// circles. Targets: a dashed line with hollow squares, so they differ without color; a student
// group's own targets: a dotted line with hollow diamonds, labelled with the group.
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
	targetRadius: 4.5,
	/** A student group's own targets: dotted, hollow diamonds, a color of their own each (3:1 or more on white). */
	groupTargets: ['#6a3d9a', '#00695c', '#8e2459', '#4a5260'] as string[],
	groupDash: [2, 3] as number[]
};

/** The color of the `i`-th student group's targets. */
export const groupTargetColor = (i: number) =>
	chartLook.groupTargets[i % chartLook.groupTargets.length];
