import { describe, expect, it } from 'vitest';
import { whoCanDo, whoMay } from './roles.ts';

describe('role phrases', () => {
	it('names the roles in a sentence, staff first', () => {
		expect(whoMay(['admin', 'superintendent', 'staff'])).toBe(
			'staff, the superintendent or an administrator'
		);
		expect(whoMay(['admin'])).toBe('an administrator');
		expect(whoMay(['superintendent', 'admin'])).toBe('the superintendent or an administrator');
		expect(whoMay([])).toBe('nobody');
	});

	it('turns a fix label into who can do it', () => {
		expect(whoCanDo(['staff', 'superintendent', 'admin'], 'Link a required structure to it')).toBe(
			'Staff, the superintendent or an administrator can link a required structure to it.'
		);
		expect(whoCanDo(['admin'], 'Review the users')).toBe('An administrator can review the users.');
	});
});
