/**
 * The public never sees a result for a group smaller than the suppression size. A group result
 * whose size is unknown is suppressed too; all-students results without a size (e.g. an
 * implementation measure counted by staff) are shown.
 */
export function isSuppressed(
	row: { n: number | null; studentGroup: string },
	suppressionSize: number
): boolean {
	if (row.n === null) return row.studentGroup !== 'ALL';
	return row.n < suppressionSize;
}

export interface PublicResult {
	value: number | null;
	n: number | null;
	suppressed: boolean;
}

/** Strips the value (and the exact size) of a suppressed result before it leaves the server. */
export function toPublicResult(
	row: { value: number | null; n: number | null; studentGroup: string },
	suppressionSize: number
): PublicResult {
	if (isSuppressed(row, suppressionSize)) return { value: null, n: null, suppressed: true };
	return { value: row.value, n: row.n, suppressed: false };
}
