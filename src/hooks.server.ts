// The server's handles, in the order a request meets them; each one's body is in its own module.
import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { db } from '$lib/server/db';
import { today } from '$lib/server/clock';
import { ensureSchoolYears } from '$lib/server/school-years';
import { serverSecret } from '$lib/server/auth/server';
import { startNotices } from '$lib/server/notices/service';
import { PageCache, dataState, type Moment } from '$lib/server/cache/pages';
import { session } from '$lib/server/auth/session-handle';
import { boardReadingPages } from '$lib/server/http/board-reading-pages';
import { dataAddresses } from '$lib/server/http/data-addresses';
import { delivery } from '$lib/server/http/delivery';
import { expensiveRequests } from '$lib/server/http/expensive-requests';
import { openFrontDoor } from '$lib/server/http/front-door';
import { keptPagesFrontDoor } from '$lib/server/http/kept-pages';
import { securityHeaders } from '$lib/server/http/headers';
import { language } from '$lib/server/http/language';
import { originCheck } from '$lib/server/http/origin';
import { queryTiming } from '$lib/server/http/query-timing';
import { twoFactorGate } from '$lib/server/http/two-factor-gate';

// The years a district needs exist without anyone creating them, from the server's start; the
// e-mail notices' worker starts when a mail server is set (SMTP_URL).
export const init: ServerInit = () => {
	ensureSchoolYears(db(), today());
	startNotices(db(), serverSecret());
};

// The public's pages, kept for everyone, and each board member's reading pages, kept per person,
// until a table they read changes (src/lib/server/cache/pages.ts), stored compressed.
// THROUGHLINE_PAGE_CACHE_MB sets the budget (default 48); 0 turns the cache off.
const cacheMb = Number(process.env.THROUGHLINE_PAGE_CACHE_MB ?? 48);
const pages = cacheMb > 0 ? new PageCache(cacheMb * 1024 * 1024) : null;
const moment = (): Moment => ({ data: dataState(db().$client), day: today() });

// A kept public page is answered before anything else: by scripts/serve.ts straight from
// node:http (the front door), or else by the first handle here (delivery). Both apply one rule.
if (pages) openFrontDoor(keptPagesFrontDoor(pages, moment));

// Kept public pages first; then security headers wrap everything, the origin check's refusals
// included; the open data's malformed addresses are refused before the router could answer HTML;
// the origin check runs before anything reads a session or changes a thing; once the session is
// known, the public's costly requests are bounded per address (kept answers never reach it).
export const handle = sequence(
	delivery(pages, moment),
	securityHeaders(process.env.ORIGIN),
	dataAddresses,
	originCheck,
	queryTiming,
	language,
	session,
	expensiveRequests(),
	twoFactorGate,
	boardReadingPages(pages, moment)
);
