import type { ParamMatcher } from '@sveltejs/kit';
import { isCds } from '$lib/params';

export const match: ParamMatcher = isCds;
