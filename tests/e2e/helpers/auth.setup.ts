import { expect, request, test as setup } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { baseURL, demoPassword, demoRoles, emailOf, storageStateFor } from './auth.ts';

mkdirSync('reports/e2e-auth', { recursive: true });

// Signs in through the real form action (no browser needed) and keeps the session cookie.
for (const role of demoRoles) {
	setup(`sign in as ${role}`, async () => {
		const context = await request.newContext({
			baseURL: baseURL(),
			extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1', origin: baseURL() },
			maxRedirects: 0
		});
		const response = await context.post('/login', {
			form: { email: emailOf(role), password: demoPassword, redirectTo: '/account' },
			headers: { accept: 'text/html' }
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/account');
		const account = await context.get('/account');
		expect(await account.text()).toContain(emailOf(role));
		await context.storageState({ path: storageStateFor(role) });
		await context.dispose();
	});
}
