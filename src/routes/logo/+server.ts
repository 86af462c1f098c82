import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { districtLogoFile } from '$lib/server/settings/logo';

// Public: the district's logo in the site header, as the type its bytes showed on upload. The
// header asks for /logo?v=<its hash>, so a browser may keep that address as long as it likes.
export const GET: RequestHandler = ({ url }) => {
	const logo = districtLogoFile(db());
	if (!logo) error(404, 'This district has no logo.');
	const current = url.searchParams.get('v') === logo.sha256;
	return new Response(new Uint8Array(logo.bytes), {
		headers: {
			'content-type': logo.contentType,
			'content-length': String(logo.bytes.length),
			'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
			'content-security-policy': "default-src 'none'; sandbox",
			etag: `"${logo.sha256}"`
		}
	});
};
