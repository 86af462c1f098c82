import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { publicMembers, seatedOn } from '$lib/server/board-record/members';
import { financeLawByMember, publicTrainings } from '$lib/server/board-record/trainings';
import { adoptedEvaluations } from '$lib/server/board-record/evaluation';
import { publicSelfEvaluation } from '$lib/server/board-record/self-evaluation';

// Read, not used: a public page with no JavaScript.
export const csr = false;

export const load: PageServerLoad = async () => {
	const database = db();
	const now = today();
	return {
		members: publicMembers(database, now),
		financeLaw: financeLawByMember(database, seatedOn(database, now), now),
		trainings: publicTrainings(database, now),
		// Only what the board adopted in public: the summary and the roll call, never a rating.
		evaluations: adoptedEvaluations(database),
		// The spread per item and the goals; never who rated what.
		selfEvaluation: publicSelfEvaluation(database)
	};
};
