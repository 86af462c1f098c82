// How the product names its roles to people (the schema's role codes are for code).

export type RoleCode = 'admin' | 'superintendent' | 'staff' | 'board';

export const roleNames: Record<RoleCode, string> = {
	admin: 'Administrator',
	superintendent: 'Superintendent',
	staff: 'Staff',
	board: 'Board member'
};

/** The roles as the subject of a sentence: "staff, the superintendent or an administrator". */
export function whoMay(roles: readonly RoleCode[]): string {
	const phrase: Record<RoleCode, string> = {
		staff: 'staff',
		superintendent: 'the superintendent',
		admin: 'an administrator',
		board: 'a board member'
	};
	// Staff first: they are who acts on most things, so the sentence reads from the likeliest.
	const order: RoleCode[] = ['staff', 'superintendent', 'admin', 'board'];
	const words = order.filter((r) => roles.includes(r)).map((r) => phrase[r]);
	if (words.length <= 1) return words[0] ?? 'nobody';
	return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "Staff can link a policy to it." from a fix label, for readers who cannot do it themselves. */
export function whoCanDo(roles: readonly RoleCode[], fixLabel: string): string {
	const who = whoMay(roles);
	return `${who[0].toUpperCase()}${who.slice(1)} can ${fixLabel[0].toLowerCase()}${fixLabel.slice(1)}.`;
}
