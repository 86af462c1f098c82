// Signing in for end-to-end tests. The `setup` project (auth.setup.ts) signs in once per demo role
// and saves the cookies in reports/e2e-auth/<role>.json; tests reuse them:
//
//   test.use({ storageState: storageStateFor('board') });      // a whole file as one role
//   await signInAs(page, 'staff');                              // one test, in its own context
//
// Those sessions are shared by every test: never sign them out or deactivate a demo account in a
// test; create a throw-away account (createAccount) for that.
import {
	expect,
	request,
	type APIRequestContext,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const demoRoles = ['admin', 'superintendent', 'staff', 'board'] as const;
export type DemoRole = (typeof demoRoles)[number];
export type Viewer = DemoRole | 'anonymous';
export const viewers: Viewer[] = ['anonymous', 'board', 'staff', 'superintendent', 'admin'];

export const demoPassword = 'throughline-demo';
export const emailOf = (role: DemoRole) => `${role}@example.org`;

export function storageStateFor(role: DemoRole): string {
	return resolve('reports/e2e-auth', `${role}.json`);
}

export function baseURL(): string {
	return `http://localhost:${process.env.E2E_PORT ?? 4173}`;
}

/** Puts the saved session of `role` into the page's browser context. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
	const file = storageStateFor(role);
	if (!existsSync(file))
		throw new Error(`No saved session for ${role}: did the setup project run?`);
	const state = JSON.parse(readFileSync(file, 'utf8')) as {
		cookies: Parameters<BrowserContext['addCookies']>[0];
	};
	await page.context().addCookies(state.cookies);
}

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(password);
	// Wait for the answer to the form's POST, right or wrong: a navigation started right after the
	// click would otherwise abort it, and the person would not be signed in.
	await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
		),
		page.getByRole('button', { name: 'Sign in' }).click()
	]);
	await page.waitForLoadState();
}

/** An API client (no browser) signed in as `role`, or anonymous; redirects are not followed. */
export async function apiAs(viewer: Viewer): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: baseURL(),
		storageState: viewer === 'anonymous' ? undefined : storageStateFor(viewer),
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1', origin: baseURL() },
		maxRedirects: 0
	});
}

/**
 * Creates a throw-away account through the administrator's form and returns its id.
 * The e-mail is made unique per call.
 */
export async function createAccount(
	role: DemoRole,
	password = 'a-throwaway-password'
): Promise<{ id: string; email: string; password: string }> {
	const email = `e2e-${role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const admin = await apiAs('admin');
	const response = await admin.post('/admin/users?/create', {
		form: { name: `E2E ${role}`, email, role, password },
		headers: { accept: 'text/html' }
	});
	expect(response.status(), await response.text()).toBe(303);
	const list = await admin.get(`/admin/users?q=${encodeURIComponent(email)}`);
	const html = await list.text();
	const id = html.match(/href="\/admin\/users\/([^"]+)"/)?.[1];
	await admin.dispose();
	if (!id) throw new Error(`Created ${email} but cannot find it in the list`);
	return { id, email, password };
}
