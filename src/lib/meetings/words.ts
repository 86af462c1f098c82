// Words and badge classes for meetings, updates and feedback, shared by server and browser.

export type UpdateStatus = 'on track' | 'watch' | 'off track';
export type UpdateState = 'draft' | 'shared' | 'published';

export const statusBadge: Record<UpdateStatus, 'good' | 'watch' | 'bad'> = {
	'on track': 'good',
	watch: 'watch',
	'off track': 'bad'
};

export const stateWords: Record<UpdateState | 'not started', string> = {
	'not started': 'not started',
	draft: 'draft (staff only)',
	shared: 'shared with the board',
	published: 'published (public)'
};

export function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export function meetingName(m: { kind: string; title: string }): string {
	return m.title || `${capitalize(m.kind)} meeting`;
}
