import { afterEach, beforeEach, expect, it } from 'vitest';
import { testDb } from '../testing.ts';
import type { DbFile } from '../db/open.ts';
import { seedSmallDistrict } from '../priorities/fixture.ts';
import { presentation, type PrioritySlide } from './presentation.ts';

let db: DbFile;
beforeEach(() => {
	db = testDb();
	seedSmallDistrict(db);
});
afterEach(() => db.$client.close());

it('builds title, agenda, one slide per active priority and a closing slide, never a draft', () => {
	const deck = presentation(db, 1)!;
	expect(deck.slides.map((s) => s.kind)).toEqual(['title', 'agenda', 'priority', 'closing']);
	const slide = deck.slides[2] as PrioritySlide;
	expect(slide.title).toBe('Every student reads');
	// Version 2 is a draft: the slide shows the published version 1.
	expect(slide.update?.version).toBe(1);
	expect(JSON.stringify(deck)).not.toContain('Draft summary text');
	expect(slide.trend?.points.map((p) => p.schoolYear)).toEqual(['2022-23', '2023-24']);
	expect(presentation(db, 99)).toBeNull();
});
