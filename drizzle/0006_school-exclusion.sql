CREATE TABLE `school_cds_alias` (
	`cds_code` text PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `school` ADD `excluded` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `school` ADD `excluded_reason` text;--> statement-breakpoint
ALTER TABLE `school` ADD `excluded_on` text;