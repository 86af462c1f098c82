import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { district } from '../db/schema/district.ts';
import { historyOf } from '../audit/history.ts';
import { districtLogoFile, logoTypeOf, removeLogo, saveLogo, siteBrand } from './logo.ts';

let db: DbFile;
afterEach(() => db?.$client.close());
const actor = { id: 'a', email: 'admin@example.org' };

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const file = (bytes: Uint8Array, name = 'logo.png', type = 'image/png') =>
	new File([Buffer.from(bytes)], name, { type });

describe('the district logo', () => {
	it('knows PNG, JPEG and WebP by their bytes, and nothing else (an SVG, a script)', () => {
		expect(logoTypeOf(png)).toBe('image/png');
		expect(logoTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(logoTypeOf(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
		expect(logoTypeOf(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toBeNull();
		expect(logoTypeOf(new Uint8Array())).toBeNull();
	});

	it('is stored with the type its bytes show, replaced and removed, each time audited', () => {
		db = testDb();
		expect(siteBrand(db)).toEqual({ name: null, logo: null });
		db.insert(district).values({ name: 'Alisal Union', cdsCode: '27659610000000' }).run();
		expect(siteBrand(db)).toEqual({ name: 'Alisal Union', logo: null });

		// Claimed to be a PNG, it is not one.
		const fake = new TextEncoder().encode('<svg/>');
		expect(saveLogo(db, actor, file(fake, 'logo.png'), fake)).toEqual({
			ok: false,
			errors: { logo: ['Use a PNG, JPEG or WebP image.'] }
		});
		const big = new Uint8Array(300 * 1024);
		big.set(png);
		expect(saveLogo(db, actor, file(big), big).ok).toBe(false);
		expect(saveLogo(db, actor, null, new Uint8Array()).ok).toBe(false);
		expect(districtLogoFile(db)).toBeUndefined();

		expect(saveLogo(db, actor, file(png), png)).toEqual({ ok: true });
		const stored = districtLogoFile(db)!;
		expect(stored.contentType).toBe('image/png');
		expect(Buffer.from(stored.bytes).equals(Buffer.from(png))).toBe(true);
		expect(siteBrand(db).logo).toBe(stored.sha256);
		const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
		expect(saveLogo(db, actor, file(jpeg, 'logo.jpg', 'image/jpeg'), jpeg).ok).toBe(true);
		expect(districtLogoFile(db)!.contentType).toBe('image/jpeg');
		removeLogo(db, actor);
		expect(siteBrand(db).logo).toBeNull();

		const actions = historyOf(db, 'district', 1).map((e) => e.action);
		expect(actions).toEqual(['logo-removed', 'logo', 'logo']);
	});
});
