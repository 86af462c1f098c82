// A meeting's name for the public pages, in the reader's language: its title as staff wrote it,
// or its kind.
import { m } from '$lib/paraglide/messages';

export function meetingKindName(kind: string): string {
	if (kind === 'special') return m.meeting_kind_special();
	if (kind === 'study session') return m.meeting_kind_study();
	return m.meeting_kind_regular();
}
