/** "12 Mar 2025" from an ISO date, for signal messages (server side, English). */
export function formatDateShort(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	const months = [
		'Jan',
		'Feb',
		'Mar',
		'Apr',
		'May',
		'Jun',
		'Jul',
		'Aug',
		'Sep',
		'Oct',
		'Nov',
		'Dec'
	];
	return `${d} ${months[m - 1]} ${y}`;
}
