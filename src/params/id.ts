import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '$lib/params';

export const match: ParamMatcher = isId;
