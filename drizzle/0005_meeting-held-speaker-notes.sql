ALTER TABLE `board_meeting` ADD `held_at` text;--> statement-breakpoint
ALTER TABLE `board_meeting` ADD `held_by` text;--> statement-breakpoint
ALTER TABLE `progress_update_version` ADD `speaker_notes` text DEFAULT '' NOT NULL;