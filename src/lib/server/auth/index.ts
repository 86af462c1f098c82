// Accounts, sessions and sign-in. Plain-Node safe: no $env/$app imports (the CLI scripts use it).
export { createAuth, authSecret, sessionDays, type Auth, type AuthOptions } from './auth.ts';
export { passwordProblem, minPasswordLength, maxPasswordLength } from './password.ts';
export {
	lockoutMinutesLeft,
	lockoutFailures,
	lockoutWindowMs,
	pruneSignInFailures
} from './lockout.ts';
export {
	AccountError,
	changeOwnPassword,
	changeRole,
	createUser,
	deactivateUser,
	demoPassword,
	endAllSessions,
	findAccount,
	findAccountByEmail,
	isRole,
	listAccounts,
	normalizeEmail,
	reactivateUser,
	resetPassword,
	seedDemoUsers,
	type Account,
	type NewAccount
} from './users.ts';
export {
	currentSession,
	genericFailure,
	lockoutMessage,
	signIn,
	signOut,
	type CurrentSession
} from './signin.ts';
