CREATE TABLE `area_figure` (
	`id` integer PRIMARY KEY NOT NULL,
	`measure_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`level` text NOT NULL,
	`student_group` text NOT NULL,
	`value` real,
	`n` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_figure_uq` ON `area_figure` (`measure_id`,`school_year_id`,`level`,`student_group`);--> statement-breakpoint
CREATE TABLE `event_note` (
	`id` integer PRIMARY KEY NOT NULL,
	`happened_on` text NOT NULL,
	`school_id` integer,
	`priority_id` integer,
	`text` text NOT NULL,
	`text_es` text,
	`internal` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_note_date_idx` ON `event_note` (`happened_on`);--> statement-breakpoint
CREATE TABLE `series_break` (
	`id` integer PRIMARY KEY NOT NULL,
	`measure_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`reason` text NOT NULL,
	`reason_es` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_break_uq` ON `series_break` (`measure_id`,`school_year_id`);