import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import {
	addressProblem,
	dataAddresses,
	isDataAddress,
	unreadableRequestAnswer
} from './data-addresses.ts';

const problemOf = (address: string) => {
	const url = new URL(address, 'http://localhost');
	return addressProblem(url.pathname, url.search);
};

describe('the open data’s addresses', () => {
	it('are the API and the downloads, in either language, not the /data page', () => {
		expect(isDataAddress('/api/v1')).toBe(true);
		expect(isDataAddress('/api/v1/measures/ela')).toBe(true);
		expect(isDataAddress('/data/results.csv')).toBe(true);
		expect(isDataAddress('/es/data/results.csv')).toBe(true);
		expect(isDataAddress('/data')).toBe(false);
		expect(isDataAddress('/api/v10')).toBe(false);
		expect(isDataAddress('/priorities/early-literacy')).toBe(false);
	});

	it('pass when well formed, percent signs encoded once included', () => {
		expect(problemOf('/api/v1/results?measure=ela&school=district&page=2')).toBeNull();
		expect(problemOf('/api/v1/measures/%25')).toBeNull();
		expect(problemOf('/api/v1/priorities/%25zz')).toBeNull();
		expect(problemOf('/api/v1/schools?q=caf%C3%A9+de+la')).toBeNull();
		expect(problemOf('/api/v1/results?page=99999999999999999999&page=1&colour')).toBeNull();
	});

	it('refuse invalid UTF-8, a control character, a double encoding, a bare % and too much', () => {
		expect(problemOf('/api/v1/measures/%C0%AE')).toBe(
			'The path segment “%C0%AE” is not valid percent-encoded UTF-8.'
		);
		expect(problemOf('/api/v1/measures/%00')).toBe(
			'The path segment “%00” holds a control character.'
		);
		expect(problemOf('/api/v1/measures/%2541')).toBe(
			'The path segment “%2541” is percent-encoded twice.'
		);
		expect(problemOf('/data/results.csv?measure=%FF')).toBe(
			'The value “%FF” of “measure” is not valid percent-encoded UTF-8.'
		);
		expect(problemOf('/api/v1/results?measure=50%')).toBe(
			'The value “50%” of “measure” is not valid percent-encoded UTF-8.'
		);
		expect(problemOf('/api/v1/results?%0A=1')).toBe(
			'The parameter name “%0A” holds a control character.'
		);
		expect(problemOf('/api/v1/results?school=%252F')).toBe(
			'The value “%252F” of “school” is percent-encoded twice.'
		);
		expect(problemOf(`/api/v1/measures/${'a'.repeat(10_000)}`)).toBe(
			'The address is too long (10017 characters; at most 2000).'
		);
		expect(problemOf(`/api/v1/results?measure=${'a'.repeat(3000)}`)).toBe(
			'The query is too long (3008 characters; at most 2000).'
		);
	});

	it('are answered with a problem document before the router runs', async () => {
		const event = { url: new URL('http://localhost/api/v1/measures/%C0%AE') } as RequestEvent;
		let resolved = false;
		const response = await dataAddresses({
			event,
			resolve: async () => {
				resolved = true;
				return new Response('<html>');
			}
		});
		expect(resolved).toBe(false);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		expect(await response.json()).toEqual({
			type: 'about:blank',
			title: 'Bad request',
			status: 400,
			detail: 'The path segment “%C0%AE” is not valid percent-encoded UTF-8.'
		});
	});

	it('turn any other refusal there into a problem document, keeping its status and words', async () => {
		const through = (address: string, answer: Response) =>
			dataAddresses({
				event: { url: new URL(address, 'http://localhost') } as RequestEvent,
				resolve: async () => answer
			});
		const plain = await through(
			'/data/results.csv?measure=x',
			new Response('measure: Give a measure code.', {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			})
		);
		expect(plain.status).toBe(400);
		expect(plain.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		expect((await plain.json()).detail).toBe('measure: Give a measure code.');
		const html = await through(
			'/data/nothing.csv',
			new Response('<!doctype html>', { status: 404, headers: { 'content-type': 'text/html' } })
		);
		expect(html.status).toBe(404);
		expect(html.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		expect((await html.json()).title).toBe('Not found');
		// A good answer goes through untouched.
		const ok = new Response('[]', { headers: { 'content-type': 'application/json' } });
		expect(await through('/api/v1/results', ok)).toBe(ok);
	});

	it('a request node:http cannot read is answered with a problem document too', () => {
		const answer = unreadableRequestAnswer('HPE_HEADER_OVERFLOW');
		const [head, body] = answer.split('\r\n\r\n');
		expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
		expect(head).toContain('content-type: application/problem+json; charset=utf-8');
		expect(head).toContain(`content-length: ${Buffer.byteLength(body)}`);
		expect(JSON.parse(body)).toMatchObject({ status: 431 });
		expect(unreadableRequestAnswer('HPE_INVALID_METHOD').split('\r\n')[0]).toBe(
			'HTTP/1.1 400 Bad Request'
		);
	});
});
