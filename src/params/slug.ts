import type { ParamMatcher } from '@sveltejs/kit';
import { isSlug } from '$lib/params';

export const match: ParamMatcher = isSlug;
