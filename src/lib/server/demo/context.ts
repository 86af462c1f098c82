import type { DbFile } from '../db/open.ts';
import type { Random } from './random.ts';
import { type SchoolType } from '../../choices.ts';

export interface DistrictOptions {
	/** Seeds the random generator: the same seed gives the same district. */
	seed: number;
	/** How many schools (one or more closed among them). */
	schools: number;
	/** How many school years of history, ending with `lastYear`. */
	years: number;
	/** Student groups with results besides ALL (default: every state group). */
	groups?: readonly string[];
	/** Start year of the last (current) school year: 2024 for 2024-25. */
	lastYear?: number;
}

/** A school as the generator sees it: its row plus the traits that shape its story. */
export interface DemoSchool {
	id: number;
	name: string;
	type: SchoolType;
	open: boolean;
	/** Start year of the last school year it was open. */
	lastOpenYear: number;
	enrollment: number;
	/** Where the school sits against the district, in standard deviations (positive is better). */
	level: number;
	/** How strongly the school takes up the district's work (drives growth and depth). */
	momentum: number;
	/** Improving schools keep growing; stalled ones stop after two years. */
	profile: 'improving' | 'steady' | 'stalled';
	/** Each student group's share of the school's students. */
	shares: Record<string, number>;
	/** Start years in which a new principal arrived (1 July). */
	principalStarts: number[];
}

export interface Context {
	db: DbFile;
	random: Random;
	firstYear: number;
	lastYear: number;
	/** The demo's "today": 15 June at the end of the last school year. */
	today: string;
	/** Timestamp used for created/updated columns, so the data never depends on the clock. */
	stamp: string;
	groups: readonly string[];
	yearIds: Map<number, number>;
	schools: DemoSchool[];
	priorityIds: Map<string, number>;
	/** Start year of each priority's adoption, and (for a completed one) its last year. */
	priorityYears: Map<string, { adopted: number; last: number }>;
	measureIds: Map<string, number>;
	structureIds: Map<string, number>;
	structureStart: Map<string, number>;
	/** Users who exist already (looked up by role), so authored rows can name them. */
	users: { superintendent: string | null; board: string[] };
}

/** A prepared insert: returns the new row id. Booleans must be passed as 0/1. */
export function inserter(db: DbFile, table: string, columns: readonly string[]) {
	const statement = db.$client.prepare(
		`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
	);
	return (...values: (string | number | null)[]): number =>
		Number(statement.run(...values).lastInsertRowid);
}

export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** A school year between first and last (inclusive), counted back from the last one. */
export function yearFromLast(context: Context, yearsBack: number): number {
	return Math.max(context.firstYear, context.lastYear - yearsBack);
}
