CREATE TABLE `board_member` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`seat` text NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`user_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_member_term_idx` ON `board_member` (`term_start`,`term_end`);--> statement-breakpoint
CREATE TABLE `board_training` (
	`id` integer PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`completed_on` text NOT NULL,
	`provider` text NOT NULL,
	`topic` text NOT NULL,
	`hours` real NOT NULL,
	`finance_law` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `board_member`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `board_training_member_idx` ON `board_training` (`member_id`,`completed_on`);--> statement-breakpoint
CREATE TABLE `disposition_vote` (
	`disposition_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`vote` text NOT NULL,
	PRIMARY KEY(`disposition_id`, `member_id`),
	FOREIGN KEY (`disposition_id`) REFERENCES `disposition`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`member_id`) REFERENCES `board_member`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `disposition_vote_member_idx` ON `disposition_vote` (`member_id`);--> statement-breakpoint
CREATE TABLE `disposition` (
	`id` integer PRIMARY KEY NOT NULL,
	`update_id` integer NOT NULL,
	`interpretation` text NOT NULL,
	`progress` text NOT NULL,
	`finding` text NOT NULL,
	`motion` text NOT NULL,
	`recorded_by` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_update`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disposition_update_id_unique` ON `disposition` (`update_id`);--> statement-breakpoint
CREATE TABLE `evaluation_rating` (
	`evaluation_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`evaluation_id`, `member_id`, `priority_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `superintendent_evaluation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `board_member`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `evaluation_vote` (
	`evaluation_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`vote` text NOT NULL,
	PRIMARY KEY(`evaluation_id`, `member_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `superintendent_evaluation`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`member_id`) REFERENCES `board_member`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `report_certification` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`true_as_of` text NOT NULL,
	`certified_by` text,
	`certified_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_update`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `self_evaluation_goals` (
	`school_year` text PRIMARY KEY NOT NULL,
	`goals` text NOT NULL,
	`adopted_on` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `self_evaluation_item` (
	`id` integer PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`text` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `self_evaluation_rating` (
	`school_year` text NOT NULL,
	`item_id` integer NOT NULL,
	`rater` text NOT NULL,
	`rating` integer NOT NULL,
	PRIMARY KEY(`school_year`, `item_id`, `rater`),
	FOREIGN KEY (`item_id`) REFERENCES `self_evaluation_item`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `superintendent_evaluation` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_year` text NOT NULL,
	`conclusions` text DEFAULT '' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`summary` text,
	`motion` text,
	`adopted_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `superintendent_evaluation_school_year_unique` ON `superintendent_evaluation` (`school_year`);