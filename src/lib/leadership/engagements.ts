// The engagement log as a page receives it: a senior leader's visible act for a priority.
// Types only, shared by the server (leadership/queries.ts) and the pages.

export interface EngagementRow {
	id: number;
	priorityId: number;
	priorityTitle: string;
	leaderName: string;
	leaderRole: string;
	kind: string;
	occurredOn: string;
	schoolName: string | null;
	note: string | null;
}
