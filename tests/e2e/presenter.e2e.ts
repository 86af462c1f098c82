// The presenter view (issue 17): a second window with the current and next slide, the speaker
// notes entered with the update, and a clock; it follows the audience window and leads it.
import { expect, test } from '@playwright/test';
import { storageStateFor } from './helpers/auth';
import { query } from './helpers/db.ts';
import { expectNoAxeViolations } from './helpers/axe';

test.use({ storageState: storageStateFor('superintendent') });

interface DeckSlide {
	kind: string;
	title?: string;
	priorityId?: number;
	update?: { version: number } | null;
}

/** The held demo meeting, its record's slides, and the first priority slide with notes. */
function meetingWithNotes() {
	const { id, deck } = query<{ id: number; deck: string }>(
		`select m.id, s.deck from board_meeting m join meeting_snapshot s on s.meeting_id = m.id
		 where m.held_at is not null order by s.frozen_at desc limit 1`
	)[0];
	const slides = (JSON.parse(deck) as { slides: DeckSlide[] }).slides;
	const n = slides.findIndex((s) => s.kind === 'priority' && s.update) + 1;
	const slide = slides[n - 1];
	const notes = query<{ notes: string }>(
		`select v.speaker_notes as notes from progress_update_version v
		 join progress_update u on u.id = v.update_id
		 where u.meeting_id = ? and u.priority_id = ? and v.version = ?`,
		id,
		slide.priorityId,
		slide.update!.version
	)[0].notes;
	return { id, slides, n, notes };
}

test('shows the current and next slide, the speaker notes and a clock; passes axe', async ({
	page
}) => {
	const { id, slides, n, notes } = meetingWithNotes();
	expect(notes.length).toBeGreaterThan(10);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/present/${id}/${n}?presenter`);
	await expect(page.getByTestId('speaker-notes')).toHaveText(notes);
	await expect(page.getByTestId('current-slide')).toContainText(slides[n - 1].title!);
	const next = slides[n];
	await expect(page.getByTestId('next-slide')).toContainText(
		next.kind === 'priority' ? next.title! : 'Questions'
	);
	await expect(page.getByTestId('clock')).toHaveText(/^\d{1,2}:\d{2}\s?[AP]M$/);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'reports/meetings-screens/presenter-1280.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'reports/meetings-screens/presenter-phone.png', fullPage: true });

	// The audience's slide never shows the notes, nor does the next slide's preview hold them.
	await page.goto(`/present/${id}/${n}`);
	await expect(page.locator('body')).not.toContainText(notes);
});

test('follows the audience window, and leads it', async ({ context }) => {
	const { id, n } = meetingWithNotes();
	const audience = await context.newPage();
	const presenter = await context.newPage();
	await audience.goto(`/present/${id}/${n}`);
	await presenter.goto(`/present/${id}/${n}?presenter`);
	await expect(presenter.getByTestId('clock')).not.toHaveText('—'); // hydrated
	await audience.keyboard.press('ArrowRight');
	await expect(audience).toHaveURL(new RegExp(`/present/${id}/${n + 1}$`));
	await expect(presenter).toHaveURL(new RegExp(`/present/${id}/${n + 1}\\?presenter$`));
	await presenter.waitForTimeout(500);
	await presenter.keyboard.press('ArrowLeft');
	await expect(presenter).toHaveURL(new RegExp(`/present/${id}/${n}\\?presenter$`));
	await expect(audience).toHaveURL(new RegExp(`/present/${id}/${n}$`));
	// Blanking from the presenter view blanks the room's screen.
	await presenter.getByRole('button', { name: 'Blank the screen' }).click();
	await expect(audience.getByRole('status')).toHaveText(/Screen blanked/);
});
