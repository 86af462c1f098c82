import { z } from 'zod';
import { maxPasswordLength } from './password.ts';
import { roles } from '../../choices.ts';

// The administrator's forms for accounts. Password rules beyond length live in passwordProblem().

export const roleSchema = z.enum(roles, { error: 'Choose a role.' });

export const createAccountSchema = z.object({
	name: z.string().trim().min(1, 'Enter the person’s name.').max(200),
	email: z
		.email('Enter a valid e-mail address.')
		.max(254)
		.transform((e) => e.toLowerCase()),
	role: roleSchema,
	password: z.string().min(1, 'Enter a first password.').max(maxPasswordLength)
});

export const changeRoleSchema = z.object({ role: roleSchema });

export const resetPasswordSchema = z
	.object({
		password: z.string().min(1, 'Enter a new password.').max(maxPasswordLength),
		confirm: z.string().min(1, 'Enter the new password again.')
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two passwords differ.'
	});
