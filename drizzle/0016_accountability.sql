-- The state's accountability determinations (issue 31). Their data version triggers are kept by the
-- code on every table of the district's data (src/lib/server/db/data-changes.ts).
CREATE TABLE `state_assistance_group` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`student_group` text NOT NULL,
	`letter` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `state_assistance_group_uq` ON `state_assistance_group` (`year`,`student_group`);--> statement-breakpoint
CREATE TABLE `state_assistance_status` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`with_groups` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `state_assistance_status_year_unique` ON `state_assistance_status` (`year`);--> statement-breakpoint
CREATE TABLE `state_essa_status` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`cds` text NOT NULL,
	`school_name` text NOT NULL,
	`status` text NOT NULL,
	`exit` text,
	`student_groups` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `state_essa_status_uq` ON `state_essa_status` (`year`,`cds`);