// Which schools count in the district's figures. A school excluded from them (a charter the
// district authorizes but does not run) drops out of every by-school table, the coherence matrix,
// scale profiles, signals and the public school lists; a closed one drops out of this year's.
import { and, eq } from 'drizzle-orm';
import { schools } from '../db/schema/district.ts';

/** Not excluded from the district's figures (open or closed). */
export const inFigures = () => eq(schools.excluded, false);

/** Open and not excluded: the schools the district runs now. */
export const openInFigures = () => and(eq(schools.status, 'open'), eq(schools.excluded, false));
