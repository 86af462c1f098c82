import { AxeBuilder } from '@axe-core/playwright';
import { expect, request, test, type Page } from '@playwright/test';
import {
	apiAs,
	baseURL,
	createAccount,
	demoPassword,
	emailOf,
	signInAs,
	signInWithForm,
	storageStateFor
} from './helpers/auth.ts';
import { auditFor, query, tryExec } from './helpers/db.ts';
import { totp, unusedCode } from './helpers/totp.ts';

// Each sign-in hashes with scrypt on purpose; on a busy 2-core machine a journey takes a while.
test.describe.configure({ timeout: 120_000 });

/**
 * Clicks "Sign in" and waits for the answer to that POST: the same message shown twice would
 * otherwise let a test go on while the second attempt is still in flight.
 */
async function submitted(page: Page): Promise<void> {
	await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
		),
		page.getByRole('button', { name: 'Sign in' }).click()
	]);
}

test.describe('signing in', () => {
	test('a wrong password gets one generic message; the right one goes back to redirectTo', async ({
		page
	}) => {
		const account = await createAccount('board');
		await page.goto('/login?redirectTo=%2Faccount%3Ftab%3D1');
		await page.getByLabel('E-mail').fill(account.email);
		await page.getByLabel('Password').fill('not-the-password');
		await submitted(page);
		await expect(page.getByRole('alert')).toHaveText(
			'That e-mail and password do not match an active account.'
		);
		// An unknown e-mail answers the same.
		await page.getByLabel('E-mail').fill('nobody@example.org');
		await page.getByLabel('Password').fill('not-the-password');
		await submitted(page);
		await expect(page.getByRole('alert')).toHaveText(
			'That e-mail and password do not match an active account.'
		);
		await page.getByLabel('E-mail').fill(account.email);
		await page.getByLabel('Password').fill(account.password);
		await submitted(page);
		await expect(page).toHaveURL(/\/account\?tab=1$/);
		await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
		const actions = auditFor('session', account.id).map((e) => e.action);
		expect(actions).toEqual(['sign-in-failed', 'sign-in']);
	});

	test('redirectTo never leaves the site', async ({ page }) => {
		const account = await createAccount('board');
		for (const target of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
			await page.context().clearCookies();
			await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
			await page.getByLabel('E-mail').fill(account.email);
			await page.getByLabel('Password').fill(account.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page).toHaveURL(`${baseURL()}/board`);
		}
	});

	test('without a page to return to, each role lands on its own home', async ({ browser }) => {
		const homes = {
			admin: '/admin', // the demo's setup is complete; a new district's goes to /manage/setup
			superintendent: '/manage',
			staff: '/manage',
			board: '/board'
		} as const;
		for (const [role, home] of Object.entries(homes)) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await signInWithForm(page, emailOf(role as keyof typeof homes), demoPassword);
			await expect(page).toHaveURL(`${baseURL()}${home}`);
			await context.close();
		}
	});

	test('the session cookie is httpOnly and SameSite=Lax', async ({ page }) => {
		await signInAs(page, 'board');
		const cookie = (await page.context().cookies()).find((c) =>
			c.name.endsWith('throughline.session_token')
		);
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		const expiresInDays = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
		expect(expiresInDays).toBeGreaterThan(6);
		expect(expiresInDays).toBeLessThanOrEqual(7.01);
	});

	test('five bad passwords slow that address down, with HTTP 429, but not the owner elsewhere', async ({
		browser
	}) => {
		const account = await createAccount('staff');
		// An address of its own, so the throttle does not touch other tests (all from 127.0.0.1).
		const context = await browser.newContext({
			extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.17' }
		});
		const page = await context.newPage();
		for (let i = 1; i <= 5; i++) {
			await signInWithForm(page, account.email, `wrong-password-${i}`);
			await expect(page.getByRole('alert')).toBeVisible();
		}
		await expect(page.getByRole('alert')).toHaveText(
			'Too many failed sign-ins. Try again in 1 minute.'
		);
		// Now even the right password waits, with 429, from this address.
		await page.goto('/login');
		await page.getByLabel('E-mail').fill(account.email);
		await page.getByLabel('Password').fill(account.password);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		// The form posts in the background once the page runs its script: the answer's status is
		// then inside the action's JSON (SvelteKit answers such a post with 200).
		const status = response.headers()['content-type']?.includes('application/json')
			? ((await response.json()) as { status: number }).status
			: response.status();
		expect(status).toBe(429);
		await expect(page.getByRole('alert')).toHaveText(/Too many failed sign-ins/);
		// The owner at another address signs in: strangers' guesses do not lock them out.
		const owner = await apiAs('anonymous');
		const signedIn = await owner.post('/login', {
			form: { email: account.email, password: account.password },
			headers: { accept: 'text/html', 'x-forwarded-for': '198.51.100.18' }
		});
		expect(signedIn.status()).toBe(303);
		// …and sees the failed attempts on their account page.
		const accountPage = await owner.get('/account', {
			headers: { 'x-forwarded-for': '198.51.100.18' }
		});
		const html = await accountPage.text();
		expect(html).toContain('Recent failed sign-ins');
		expect(html).toContain('198.51.100.17');
		await owner.dispose();
		expect(
			auditFor('session', account.id).filter((e) => e.action === 'sign-in-failed')
		).toHaveLength(5);
		await context.close();
	});

	test('30 failures from one address in 15 minutes hold that address back, whatever the account', async () => {
		const client = await apiAs('anonymous');
		const headers = { accept: 'text/html', 'x-forwarded-for': '198.51.100.33' };
		for (let i = 0; i < 30; i++) {
			const r = await client.post('/login', {
				form: { email: `nobody-${i}@example.org`, password: 'wrong-password-x' },
				headers
			});
			expect([400, 429]).toContain(r.status());
		}
		const r = await client.post('/login', {
			form: { email: emailOf('board'), password: demoPassword },
			headers
		});
		expect(r.status()).toBe(429);
		expect(await r.text()).toContain('Too many failed sign-ins. Try again in');
		await client.dispose();
	});

	test('40 sign-ins at once from one address, for 40 accounts: each answered, 30 checked, the rest told when to retry', async () => {
		const accounts = [await createAccount('board'), await createAccount('staff')];
		const emails = Array.from({ length: 40 }, (_, i) =>
			i < accounts.length ? accounts[i].email : `burst-${i}@example.org`
		);
		// An address of its own, so this burst slows no one else's sign-in.
		const address = '198.51.100.40';
		const client = await apiAs('anonymous');
		const answers = await Promise.all(
			emails.map((email, i) =>
				client
					.post('/login', {
						form: { email, password: `wrong-guess-${i}` },
						headers: { accept: 'text/html', 'x-forwarded-for': address }
					})
					.then((r) => ({ status: r.status(), retryAfter: r.headers()['retry-after'] }))
			)
		);
		// README: at most 30 failures per address in 15 minutes. The 30th is checked and answered
		// with the wait it brings; the other ten are not checked.
		expect(answers).toHaveLength(40);
		expect(answers.filter((a) => a.status === 400)).toHaveLength(29);
		const slowed = answers.filter((a) => a.status === 429);
		expect(slowed).toHaveLength(11);
		for (const a of slowed) {
			expect(Number(a.retryAfter)).toBeGreaterThan(0);
			expect(Number(a.retryAfter)).toBeLessThanOrEqual(15 * 60);
		}
		expect(
			query<{ n: number }>(
				"select count(*) n from audit_log where action = 'sign-in-failed' and note = ?",
				`wrong e-mail or password from ${address}`
			)[0].n
		).toBe(30);
		// The owner of one of those accounts, from elsewhere, is not held back.
		const owner = await client.post('/login', {
			form: { email: accounts[0].email, password: accounts[0].password },
			headers: { accept: 'text/html', 'x-forwarded-for': '198.51.100.41' }
		});
		expect(owner.status()).toBe(303);
		await client.dispose();
	});

	test('40 parallel wrong passwords are checked only five times', async () => {
		const account = await createAccount('board');
		const client = await apiAs('anonymous');
		const headers = { accept: 'text/html', 'x-forwarded-for': '198.51.100.44' };
		const statuses = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				client
					.post('/login', {
						form: { email: account.email, password: `wrong-guess-${i}` },
						headers
					})
					.then((r) => r.status())
			)
		);
		expect(statuses.filter((s) => s === 429).length).toBe(36);
		expect(
			auditFor('session', account.id).filter((e) => e.action === 'sign-in-failed')
		).toHaveLength(5);
		await client.dispose();
	});
});

test.describe('authenticator app', () => {
	test('set up from the account page, then sign in with a code, a recovery code, not a wrong code', async ({
		browser
	}) => {
		// Each fresh code may wait for the app's next 30-second step (a code counts once): several
		// of them, on a loaded machine, outlast the default minute.
		test.setTimeout(240_000);
		const account = await createAccount('board');
		const context = await browser.newContext({
			extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.61' }
		});
		const page = await context.newPage();
		await signInWithForm(page, account.email, account.password);
		await page.goto('/account');
		await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
		await expect(page.getByRole('heading', { name: 'Authenticator app', level: 1 })).toBeVisible();
		await page.getByLabel('Your password', { exact: true }).fill(account.password);
		await page.getByRole('button', { name: 'Set up' }).click();
		await expect(page.getByRole('img', { name: 'QR code of the setup key' })).toBeVisible();
		const secret = (await page.locator('code.secret').textContent())!.trim();
		const axe = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		const code = page.getByLabel('Code', { exact: true });
		await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
		await code.fill(await totp(secret, -5));
		await page.getByRole('button', { name: 'Turn on' }).click();
		await expect(page.getByRole('alert')).toContainText('That code is not right');
		await page.getByLabel('Code', { exact: true }).fill(await unusedCode(secret));
		await page.getByRole('button', { name: 'Turn on' }).click();
		await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
		const recovery = await page.locator('.codes code').allTextContents();
		expect(recovery).toHaveLength(10);
		await page.goto('/account');
		await page.getByRole('button', { name: 'Sign out', exact: true }).click();

		// Password, then the code page.
		await signInWithForm(page, account.email, account.password);
		await expect(page).toHaveURL(/\/login\/code/);
		await page.getByLabel('Code', { exact: true }).fill(await totp(secret, -5));
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toContainText('That code is not right');
		// Pasting works: the field takes the code as it is, spaces and all.
		const used = await unusedCode(secret);
		await page.getByLabel('Code', { exact: true }).fill(` ${used} `);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/board$/);
		await page.goto('/account');
		await expect(page.getByText('Authenticator app: on')).toBeVisible();
		await page.getByRole('button', { name: 'Sign out', exact: true }).click();

		// The same code again, within its window: a code counts once (RFC 6238 §5.2).
		await signInWithForm(page, account.email, account.password);
		await expect(page).toHaveURL(/\/login\/code/);
		await page.getByLabel('Code', { exact: true }).fill(used);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'That code is not right. Enter the code your app shows now, or a recovery code.'
		);
		await expect(page).toHaveURL(/\/login\/code/);
		expect(
			auditFor('session', account.id).filter(
				(e) => e.note === 'authenticator code used before, from 198.51.100.61'
			)
		).toHaveLength(1);

		// A recovery code instead of the app.
		await signInWithForm(page, account.email, account.password);
		await page.getByLabel('Code', { exact: true }).fill(recovery[0]);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/board$/);
		await page.goto('/account');
		await expect(page.getByText('9 recovery codes left')).toBeVisible();
		const actions = auditFor('user', account.id).map((e) => e.action);
		expect(actions).toContain('two-factor-enrol');
		expect(actions).toContain('recovery-code-used');

		// Lost phone: an administrator resets the app; the password alone signs in again.
		const admin = await browser.newContext({ storageState: storageStateFor('admin') });
		const adminPage = await admin.newPage();
		await adminPage.goto(`/admin/users/${account.id}`);
		await expect(adminPage.getByText('Authenticator app: on')).toBeVisible();
		await adminPage.getByText('Reset the authenticator app…').click();
		await adminPage.getByRole('button', { name: 'Yes, reset the authenticator app' }).click();
		await expect(adminPage.getByRole('status')).toHaveText(
			'The authenticator app is reset and the account’s sessions ended.'
		);
		await admin.close();
		expect(auditFor('user', account.id).map((e) => e.action)).toContain('two-factor-reset');
		await page.goto('/account');
		await expect(page).toHaveURL(/\/login/);
		await signInWithForm(page, account.email, account.password);
		await expect(page).toHaveURL(/\/board$/);
		await context.close();
	});
});

test.describe('sessions', () => {
	test('a deactivated user’s session stops working at once', async ({ browser }) => {
		const account = await createAccount('board');
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithForm(page, account.email, account.password);
		await page.goto('/account');
		await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

		const admin = await browser.newContext({ storageState: storageStateFor('admin') });
		const adminPage = await admin.newPage();
		await adminPage.goto(`/admin/users/${account.id}`);
		await adminPage.locator('summary', { hasText: 'Deactivate' }).click();
		await adminPage.getByRole('button', { name: 'Yes, deactivate' }).click();
		await expect(adminPage.getByRole('status')).toContainText('deactivated');

		await page.reload();
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
		await signInWithForm(page, account.email, account.password);
		await expect(page.getByRole('alert')).toHaveText(
			'That e-mail and password do not match an active account.'
		);
		const entries = auditFor('user', account.id).filter((e) => e.action === 'deactivate');
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			user_email: emailOf('admin'),
			before: { active: true, role: 'board' },
			after: { active: false, role: 'board' }
		});
		await admin.close();
		await context.close();
	});

	test('sign out, and sign out everywhere', async ({ browser }) => {
		const account = await createAccount('staff');
		const one = await browser.newContext();
		const two = await browser.newContext();
		const p1 = await one.newPage();
		const p2 = await two.newPage();
		await signInWithForm(p1, account.email, account.password);
		await signInWithForm(p2, account.email, account.password);
		await p1.goto('/account');
		await p1.getByRole('button', { name: 'Sign out', exact: true }).click();
		await expect(p1.getByRole('link', { name: 'Sign in' })).toBeVisible();
		await p2.goto('/account');
		await expect(p2.getByRole('heading', { name: 'Your account' })).toBeVisible();
		await signInWithForm(p1, account.email, account.password);
		await p1.goto('/account');
		await p1.getByRole('button', { name: 'Sign out everywhere' }).click();
		await expect(p1).toHaveURL(/\/login$/);
		await p2.goto('/account');
		await expect(p2).toHaveURL(/\/login\?redirectTo=/);
		const actions = auditFor('session', account.id).map((e) => e.action);
		expect(actions.filter((a) => a === 'sign-out')).toHaveLength(2);
		await one.close();
		await two.close();
	});

	test('changing one’s password checks the current one and the rules', async ({ page }) => {
		const account = await createAccount('board');
		await signInWithForm(page, account.email, account.password);
		await page.goto('/account');
		await page.getByLabel('Current password').fill('wrong-current-pass');
		await page.getByLabel('New password', { exact: true }).fill('password1234');
		await page.getByLabel('New password again').fill('password12345');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByText('The two new passwords differ.').first()).toBeVisible();
		await page.getByLabel('Current password').fill(account.password);
		await page.getByLabel('New password', { exact: true }).fill('password1234');
		await page.getByLabel('New password again').fill('password1234');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByText(/among the most common/).first()).toBeVisible();
		await page.getByLabel('Current password').fill(account.password);
		await page.getByLabel('New password', { exact: true }).fill('a-fresh-board-passphrase');
		await page.getByLabel('New password again').fill('a-fresh-board-passphrase');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByRole('status')).toContainText('Your password is changed');
		expect(auditFor('user', account.id).map((e) => e.action)).toEqual([
			'create',
			'password-change'
		]);
	});
});

test.describe('security', () => {
	test('a cross-origin form POST is refused', async () => {
		const client = await apiAs('admin');
		for (const url of ['/login', '/admin/users?/create', '/logout']) {
			const response = await client.post(url, {
				form: { email: 'x@example.org', password: 'whatever', name: 'X', role: 'admin' },
				headers: { origin: 'https://evil.example', accept: 'text/html' }
			});
			expect(response.status(), url).toBe(403);
			expect(await response.text()).toContain(
				'Cross-site requests that change something are refused.'
			);
		}
		await client.dispose();
	});

	test('a cross-origin POST /logout without a content type does not end the session', async () => {
		const account = await createAccount('board');
		const client = await request.newContext({
			baseURL: baseURL(),
			extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.71' },
			maxRedirects: 0
		});
		const signedIn = await client.post('/login', {
			form: { email: account.email, password: account.password },
			headers: { origin: baseURL(), accept: 'text/html' }
		});
		expect(signedIn.status()).toBe(303);
		// A foreign page's fetch('/logout', { method: 'POST' }), and a bare request with no Origin.
		for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
			const r = await client.fetch('/logout', { method: 'POST', headers });
			expect(r.status(), JSON.stringify(headers)).toBe(403);
			expect(await r.text()).toContain('Cross-site requests that change something are refused.');
		}
		expect((await client.get('/account')).status()).toBe(200);
		// The same request from the site itself signs out.
		const own = await client.fetch('/logout', { method: 'POST', headers: { origin: baseURL() } });
		expect(own.status()).toBe(303);
		expect((await client.get('/account')).status()).toBe(303);
		await client.dispose();
	});

	test('static assets under /_app/immutable/ carry nosniff too', async ({ page, request }) => {
		await page.goto('/login');
		const asset = await page.evaluate(
			() =>
				[
					...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>(
						'link[href], script[src]'
					)
				]
					.map((e) => ('href' in e ? e.href : e.src))
					.find((u) => u.includes('/_app/immutable/')) ?? ''
		);
		expect(asset).toContain('/_app/immutable/');
		const r = await request.get(asset);
		expect(r.status()).toBe(200);
		expect(r.headers()['cache-control']).toContain('immutable');
		expect(r.headers()['x-content-type-options']).toBe('nosniff');
	});

	test('responses carry the security headers; the built app runs under its CSP', async ({
		page
	}) => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
		});
		await signInAs(page, 'admin');
		const response = await page.goto('/admin/users');
		const h = response!.headers();
		expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(h['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(h['cache-control']).toBe('private, no-store');
		// Hydrated: client-side navigation works, so the inline start script was allowed.
		await page.getByRole('link', { name: 'Audit trail' }).click();
		await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
		await page.goto('/login');
		expect(violations).toEqual([]);
	});

	test('the audit table refuses UPDATE and DELETE', async () => {
		expect(() => tryExec("update audit_log set action = 'tampered'")).toThrow(/append-only/);
		expect(() => tryExec('delete from audit_log')).toThrow(/append-only/);
	});
});

test.describe('administration writes: one audit entry each', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('create user through the form', async ({ page }) => {
		const email = `e2e-form-${Date.now()}@example.org`;
		await page.goto('/admin/users');
		// Validation first: nothing is saved.
		await page.getByLabel('Name', { exact: true }).fill('Dana Form');
		await page.getByRole('textbox', { name: 'E-mail' }).fill('not-an-email');
		await page.getByLabel('First password').fill('short');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toContainText('The account was not created');
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Form');
		await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
		await page.getByRole('combobox', { name: 'Role' }).selectOption('staff');
		await page.getByLabel('First password').fill('dana-first-password');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('status')).toContainText(`Created the account for ${email}`);
		await page.getByLabel('Search by name or e-mail').fill(email);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('link', { name: 'Dana Form' }).click();
		await page.waitForURL(/\/admin\/users\/[^/?]+$/);
		const id = page.url().split('/').pop()!;
		const entries = auditFor('user', id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			action: 'create',
			user_email: emailOf('admin'),
			before: null,
			after: { email, name: 'Dana Form', role: 'staff', active: true }
		});
		await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
	});

	test('role change and reactivation', async ({ page }) => {
		const account = await createAccount('staff');
		await page.goto(`/admin/users/${account.id}`);
		await page.getByRole('combobox', { name: 'Role' }).selectOption('superintendent');
		await page.getByRole('button', { name: 'Change role' }).click();
		await expect(page.getByRole('status')).toHaveText('The role is changed.');
		let entries = auditFor('user', account.id);
		expect(entries.map((e) => e.action)).toEqual(['create', 'role-change']);
		expect(entries[1]).toMatchObject({
			before: { role: 'staff' },
			after: { role: 'superintendent' }
		});
		await page.locator('summary', { hasText: 'Deactivate' }).click();
		await page.getByRole('button', { name: 'Yes, deactivate' }).click();
		await page.getByRole('button', { name: 'Reactivate' }).click();
		await expect(page.getByRole('status')).toHaveText('The account is active again.');
		entries = auditFor('user', account.id);
		expect(entries.map((e) => e.action)).toEqual([
			'create',
			'role-change',
			'deactivate',
			'reactivate'
		]);
		expect(entries[3]).toMatchObject({ before: { active: false }, after: { active: true } });
		// The page's own history shows the change as a readable diff.
		await expect(page.getByRole('region', { name: 'History' })).toContainText('superintendent');
	});

	test('password reset ends the sessions and is recorded without the password', async ({
		page,
		browser
	}) => {
		const account = await createAccount('board');
		const theirs = await browser.newContext();
		const theirPage = await theirs.newPage();
		await signInWithForm(theirPage, account.email, account.password);
		await page.goto(`/admin/users/${account.id}`);
		await page.getByLabel('New password', { exact: true }).fill('reset-by-admin-123');
		await page.getByLabel('New password again').fill('reset-by-admin-123');
		await page.getByRole('button', { name: 'Reset password' }).click();
		await expect(page.getByRole('status')).toContainText('The password is reset');
		await theirPage.goto('/account');
		await expect(theirPage).toHaveURL(/\/login/);
		const entries = auditFor('user', account.id).filter((e) => e.action === 'password-reset');
		expect(entries).toHaveLength(1);
		expect(JSON.stringify(entries[0])).not.toContain('reset-by-admin-123');
		await theirs.close();
	});

	test('settings: validation, then one entry with before and after', async ({ page }) => {
		await page.goto('/admin/settings');
		const before = auditFor('district', 1).length;
		await page.getByLabel('CDS code').fill('12345');
		await saveSettings(page);
		await expect(page.getByRole('alert')).toContainText('A CDS code is 14 digits');
		expect(auditFor('district', 1)).toHaveLength(before);
		// A small change, put back afterwards so other tests see the demo settings.
		const field = page.getByLabel('Engagement window (days)');
		const was = await field.inputValue();
		const next = String(Number(was) + 1);
		await page.getByLabel('CDS code').fill('99999990000000');
		await field.fill(next);
		await saveSettings(page);
		await expect(page.getByRole('status')).toHaveText('Settings saved.');
		const entries = auditFor('district', 1);
		expect(entries).toHaveLength(before + 1);
		expect(entries.at(-1)).toMatchObject({
			action: 'settings',
			user_email: emailOf('admin'),
			before: { engagementWindowDays: Number(was), priorityCap: 5 },
			after: { engagementWindowDays: Number(next), priorityCap: 5 }
		});
		await field.fill(was);
		await saveSettings(page);
		await expect(page.getByRole('status')).toHaveText('Settings saved.');
		expect(auditFor('district', 1)).toHaveLength(before + 2);
		// The audit page shows it, filtered by record type.
		await page.goto('/admin/audit?entity=district');
		await expect(page.getByRole('table', { name: 'Audit entries, newest first' })).toContainText(
			'Engagement window (days)'
		);
		// Every entry so far, the demo seed's and this journey's, is in one verified chain.
		await expect(page.getByTestId('audit-chain')).toContainText('Chain verified');

		// The header carries the district's name, and the logo once an administrator uploads one
		// (in this test: the district's audit entries are counted above).
		await page.goto('/admin/settings');
		const brand = page.getByRole('banner').getByRole('link').first();
		await expect(brand).toHaveText('Sample Valley Unified');
		const upload = async (name: string, mimeType: string, buffer: Buffer) => {
			await page.getByLabel('Image file').setInputFiles({ name, mimeType, buffer });
			await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('?/logo')),
				page
					.getByRole('button', { name: /the logo$/ })
					.first()
					.click()
			]);
		};
		// An SVG may carry script: refused, whatever type the upload claims.
		await upload('logo.png', 'image/png', Buffer.from('<svg onload="alert(1)"/>'));
		await expect(page.getByRole('alert')).toContainText('Use a PNG, JPEG or WebP image.');
		await upload('logo.png', 'image/png', onePixelPng);
		await expect(page.getByRole('status')).toContainText('Logo saved.');
		await page.goto('/');
		const img = page.getByRole('banner').locator('img');
		await expect(img).toHaveAttribute('src', /^\/logo\?v=[0-9a-f]{64}$/);
		const answer = await page.request.get((await img.getAttribute('src'))!);
		expect(answer.headers()['content-type']).toBe('image/png');
		expect(answer.headers()['x-content-type-options']).toBe('nosniff');
		expect(Buffer.from(await answer.body()).equals(onePixelPng)).toBe(true);
		await page.goto('/admin/settings');
		await page.getByRole('button', { name: 'Remove the logo' }).click();
		await expect(page.getByRole('status')).toContainText('Logo removed.');
		expect(
			auditFor('district', 1)
				.map((e) => e.action)
				.slice(-2)
		).toEqual(['logo', 'logo-removed']);
		expect((await page.request.get('/logo')).status()).toBe(404);
	});
});

/** The smallest real PNG: one transparent pixel. */
const onePixelPng = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

/** Saves the settings form and waits for the server's answer (the page updates in place). */
async function saveSettings(page: Page) {
	await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().includes('/admin/settings')
		),
		page.getByRole('button', { name: 'Save settings' }).click()
	]);
}
