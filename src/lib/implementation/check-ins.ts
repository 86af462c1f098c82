// The check-in grid as a page receives it: one structure's school year, a row per open school.
// Types only, shared by the server (checkins.ts reads and saves the grid) and the page.

/** One school's check-in as the grid's fields hold it. */
export interface GridValues {
	depth: string;
	adaptation: string;
	siteLed: boolean;
	evidenceUrl: string;
}

export interface GridRow {
	school: { id: number; name: string; type: string };
	values: GridValues;
	/** Whether a check-in is stored for this school. */
	saved: boolean;
}

/** School id → field → its message, for the rows the grid refused. */
export type GridErrors = Record<number, Partial<Record<keyof GridValues, string>>>;
