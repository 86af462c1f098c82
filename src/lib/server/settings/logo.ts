// The district's name and logo in the site header. The logo is kept in the database (so a backup
// carries it) and served at /logo with the type its bytes show, never the type the upload claims.
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { logoMaxBytes, type LogoType } from '../../choices.ts';
import { district, districtLogo } from '../db/schema/district.ts';
import type { Db, DbFile } from '../db/open.ts';
import type { Actor } from '../audit/index.ts';
import { write } from '../audit/write.ts';
import { derived } from '../cache/derived.ts';
import type { FieldErrors } from '../forms.ts';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes themselves show (PNG, JPEG, WebP), or null for anything else. */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
	return null;
}

function districtId(db: Db): number | undefined {
	return db.select({ id: district.id }).from(district).orderBy(asc(district.id)).limit(1).get()?.id;
}

export function districtLogoFile(db: Db) {
	const id = districtId(db);
	if (id === undefined) return undefined;
	return db
		.select({
			contentType: districtLogo.contentType,
			bytes: districtLogo.bytes,
			sha256: districtLogo.sha256
		})
		.from(districtLogo)
		.where(eq(districtLogo.districtId, id))
		.get();
}

/** What the site header shows: the district's name (none before setup) and its logo's version. */
export function siteBrand(db: DbFile): { name: string | null; logo: string | null } {
	return derived(db, 'site brand', () => {
		const row = db
			.select({ name: district.name, logo: districtLogo.sha256 })
			.from(district)
			.leftJoin(districtLogo, eq(districtLogo.districtId, district.id))
			.orderBy(asc(district.id))
			.limit(1)
			.get();
		return { name: row?.name ?? null, logo: row?.logo ?? null };
	});
}

type Saved = { ok: true } | { ok: false; errors: FieldErrors };

/** Checks and stores an uploaded logo, replacing the one before; audited with its type, size and hash. */
export function saveLogo(db: Db, actor: Actor, file: File | null, bytes: Uint8Array): Saved {
	const refuse = (message: string): Saved => ({ ok: false, errors: { logo: [message] } });
	if (!file || file.size === 0) return refuse('Choose an image file.');
	if (bytes.length > logoMaxBytes)
		return refuse(`The image is ${Math.ceil(bytes.length / 1024)} KB; use one of at most 200 KB.`);
	const contentType = logoTypeOf(bytes);
	if (!contentType) return refuse('Use a PNG, JPEG or WebP image.');
	const id = districtId(db);
	if (id === undefined) return refuse('Set up the district first.');
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	write(db, actor, ({ tx, audit }) => {
		const before = tx
			.select({ contentType: districtLogo.contentType, sha256: districtLogo.sha256 })
			.from(districtLogo)
			.where(eq(districtLogo.districtId, id))
			.get();
		const row = {
			contentType,
			bytes: Buffer.from(bytes),
			sha256,
			updatedAt: new Date().toISOString()
		};
		tx.insert(districtLogo)
			.values({ districtId: id, ...row })
			.onConflictDoUpdate({ target: districtLogo.districtId, set: row })
			.run();
		audit({
			action: 'logo',
			entity: 'district',
			entityId: id,
			before: before ?? null,
			after: { contentType, size: bytes.length, sha256, fileName: file.name }
		});
	});
	return { ok: true };
}

/** Removes the logo (the header shows the name alone); audited. */
export function removeLogo(db: Db, actor: Actor): void {
	const id = districtId(db);
	if (id === undefined) return;
	write(db, actor, ({ tx, audit }) => {
		const before = tx
			.delete(districtLogo)
			.where(eq(districtLogo.districtId, id))
			.returning({ contentType: districtLogo.contentType, sha256: districtLogo.sha256 })
			.get();
		if (before) audit({ action: 'logo-removed', entity: 'district', entityId: id, before });
	});
}
