import { m } from '$lib/paraglide/messages';

/** A school type in the reader's language: "Elementary", "Primaria"… */
export function schoolType(type: string): string {
	switch (type) {
		case 'elementary':
			return m.type_elementary();
		case 'middle':
			return m.type_middle();
		case 'high':
			return m.type_high();
		case 'k-8':
			return m.type_k8();
		case 'continuation':
			return m.type_continuation();
		case 'alternative':
			return m.type_alternative();
		default:
			return m.type_other();
	}
}
