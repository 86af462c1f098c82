import type { Db } from '../db/open.ts';

/** Seeds the fictional Sample Valley Unified district. (Generator in progress.) */
export async function seedDemo(db: Db): Promise<void> {
	db.$client.exec(
		"insert into district (id, name, cds_code) values (1, 'Sample Valley Unified', '99999990000000')"
	);
}
