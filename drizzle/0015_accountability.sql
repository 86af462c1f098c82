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
CREATE UNIQUE INDEX `state_essa_status_uq` ON `state_essa_status` (`year`,`cds`);--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_group_insert` AFTER INSERT ON `state_assistance_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_group_update` AFTER UPDATE ON `state_assistance_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_group_delete` AFTER DELETE ON `state_assistance_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_status_insert` AFTER INSERT ON `state_assistance_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_status_update` AFTER UPDATE ON `state_assistance_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_assistance_status_delete` AFTER DELETE ON `state_assistance_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_essa_status_insert` AFTER INSERT ON `state_essa_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_essa_status_update` AFTER UPDATE ON `state_essa_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_state_essa_status_delete` AFTER DELETE ON `state_essa_status` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
