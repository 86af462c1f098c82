CREATE TABLE `plan_change` (
	`id` integer PRIMARY KEY NOT NULL,
	`priority_id` integer NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`kind` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`subject_es` text,
	`before` text,
	`after` text,
	`reason` text NOT NULL,
	`reason_es` text,
	`audit_id` integer,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_change_priority_idx` ON `plan_change` (`priority_id`,`changed_at`);--> statement-breakpoint
ALTER TABLE `measure` ADD `description` text;--> statement-breakpoint
ALTER TABLE `measure` ADD `description_es` text;