CREATE TABLE `notice_preference` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notice_reader` (
	`user_id` text PRIMARY KEY NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`last_digest_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notice` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`recipient_id` text NOT NULL,
	`subject` text NOT NULL,
	`title` text NOT NULL,
	`title_es` text,
	`path` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_error` text,
	`sent_at` text,
	`digest` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_once_idx` ON `notice` (`kind`,`subject`,`recipient_id`);--> statement-breakpoint
CREATE INDEX `notice_due_idx` ON `notice` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notice_recipient_idx` ON `notice` (`recipient_id`,`status`);