import { formatDate } from '../../format.ts';

/** A date in a signal message (server side, English), the one way dates read: "March 12, 2025". */
export function formatDateShort(iso: string): string {
	return formatDate(iso);
}
