import type { DbFile } from '../db/open.ts';
import { generateDistrict, type DistrictOptions } from './generate.ts';

export { generateDistrict, type DistrictOptions };

/** The demo district's size and seed: 34 schools, 2019-20 to 2024-25, "today" 15 June 2025. */
export const demoOptions: DistrictOptions = {
	seed: 20250615,
	schools: 34,
	years: 6,
	lastYear: 2024
};

/** Seeds the fictional Sample Valley Unified district into an empty, migrated database. */
export async function seedDemo(db: DbFile): Promise<void> {
	generateDistrict(db, demoOptions);
}
