CREATE TABLE `meeting_snapshot` (
	`id` integer PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`frozen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`reason` text NOT NULL,
	`frozen_by` text,
	`deck` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_snapshot_meeting_idx` ON `meeting_snapshot` (`meeting_id`,`frozen_at`);