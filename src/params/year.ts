import type { ParamMatcher } from '@sveltejs/kit';
import { isSchoolYear } from '$lib/params';

export const match: ParamMatcher = isSchoolYear;
