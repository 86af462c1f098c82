import type { Db } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { today } from '../clock.ts';
import { districtDefaults } from '../../choices.ts';
import type { SignalContext } from '../signals/types.ts';

/** The district's settings (or the defaults when none is set up yet) and today, for signals. */
export function signalContext(db: Db): SignalContext {
	const settings = db.select().from(district).get() ?? {
		id: 0,
		name: '',
		cdsCode: '',
		...districtDefaults,
		currentSchoolYearId: null,
		dataUpdatedAt: null
	};
	return { settings, today: today() };
}
