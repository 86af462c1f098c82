import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /es/priorities/x is served by the same route as /priorities/x; Paraglide sets the language.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
