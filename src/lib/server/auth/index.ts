// Accounts, sessions and sign-in. Plain-Node safe: no $env/$app imports (the CLI scripts use it).
export { createAuth, authSecret, sessionDays, type Auth, type AuthOptions } from './auth.ts';
export { passwordProblem, minPasswordLength, maxPasswordLength } from './password.ts';
export {
	accountFailureCeiling,
	addressFailureLimit,
	pairDelayMinutes,
	pruneSignInFailures,
	recentFailures,
	throttleVerdict
} from './throttle.ts';
export {
	confirmTwoFactorSetup,
	disableTwoFactor,
	newRecoveryCodes,
	pendingSetup,
	resetTwoFactor,
	startTwoFactorSetup,
	twoFactorRequired,
	twoFactorRoles,
	twoFactorState
} from './two-factor.ts';
export {
	AccountError,
	changeOwnPassword,
	changeRole,
	createUser,
	deactivateUser,
	demoPassword,
	endAllSessions,
	signOutEverywhere,
	openSessionCount,
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
	pendingSignIn,
	signIn,
	signInWithCode,
	signOut,
	type CurrentSession
} from './signin.ts';
