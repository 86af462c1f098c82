// What carries a priority, as its public page receives it: the structures and the board policies
// behind each. Types only, shared by the server (throughline/carriers.ts) and the pages.
import type {
	PolicyKind,
	PolicyRelation,
	StructureAuthority,
	StructureCategory
} from '../choices.ts';

export interface PriorityCarriers {
	structures: {
		name: string;
		/** The Spanish name, when staff entered one. */
		nameEs: string | null;
		category: StructureCategory;
		authority: StructureAuthority;
		origin: 'repurposed' | 'new';
		policies: {
			kind: PolicyKind;
			number: string;
			title: string;
			url: string | null;
			relation: PolicyRelation;
		}[];
	}[];
}
