import { describe, expect, it } from 'vitest';
import type { Signal } from '../../signals.ts';
import { signalsConcerningPriority } from './signals.ts';

const signal = (key: string, subject?: Signal['subject']): Signal => ({
	key,
	area: 'throughline',
	message: key,
	href: '/',
	fixLabel: 'Fix',
	subject
});

describe('signalsConcerningPriority', () => {
	const all = [
		signal('priority-cap'),
		signal('influence-only:1', { entity: 'priority', id: 1 }),
		signal('influence-only:2', { entity: 'priority', id: 2 }),
		signal('measure-without-target:10', { entity: 'measure', id: 10 }),
		signal('measure-without-target:11', { entity: 'measure', id: 11 }),
		signal('structure-without-policy:5', { entity: 'structure', id: 5 }),
		signal('structure-without-policy:6', { entity: 'structure', id: 6 }),
		signal('policy-on-paper:1', { entity: 'policy', id: 1 }),
		signal('initiative-load:1', { entity: 'school', id: 1 })
	];

	it('keeps those about the priority, its measures and the structures that carry it', () => {
		expect(
			signalsConcerningPriority(all, { id: 1, measureIds: [10], structureIds: [5] }).map(
				(s) => s.key
			)
		).toEqual(['influence-only:1', 'measure-without-target:10', 'structure-without-policy:5']);
	});

	it('does not confuse ids of different kinds of subject', () => {
		// Policy 1 and school 1 share the priority's id; they are not about it.
		expect(
			signalsConcerningPriority(all, { id: 1, measureIds: [], structureIds: [] }).map((s) => s.key)
		).toEqual(['influence-only:1']);
	});
});
