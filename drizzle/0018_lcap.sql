CREATE TABLE `lcap_action_crosswalk` (
	`version_id` integer NOT NULL,
	`prior_number` text NOT NULL,
	`number` text NOT NULL,
	PRIMARY KEY(`version_id`, `prior_number`),
	FOREIGN KEY (`version_id`) REFERENCES `lcap_version`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lcap_action` (
	`id` integer PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`student_group_focus` text DEFAULT '' NOT NULL,
	`total_cents` integer NOT NULL,
	`lcff_cents` integer DEFAULT 0 NOT NULL,
	`other_state_cents` integer DEFAULT 0 NOT NULL,
	`local_cents` integer DEFAULT 0 NOT NULL,
	`federal_cents` integer DEFAULT 0 NOT NULL,
	`personnel_cents` integer,
	`non_personnel_cents` integer,
	`contributing` integer,
	`student_groups` text DEFAULT '' NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`unduplicated_groups` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`time_span` text DEFAULT '' NOT NULL,
	`page` integer,
	`note` text DEFAULT '' NOT NULL,
	`structure_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `lcap_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `lcap_goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_action_uq` ON `lcap_action` (`version_id`,`number`);--> statement-breakpoint
CREATE INDEX `lcap_action_goal_idx` ON `lcap_action` (`goal_id`);--> statement-breakpoint
CREATE INDEX `lcap_action_structure_idx` ON `lcap_action` (`structure_id`);--> statement-breakpoint
CREATE TABLE `lcap_annual_update_row` (
	`id` integer PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`goal_number` text NOT NULL,
	`action_number` text NOT NULL,
	`title` text NOT NULL,
	`contributing` integer,
	`planned_cents` integer NOT NULL,
	`estimated_actual_cents` integer NOT NULL,
	`page` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `lcap_version`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_annual_update_uq` ON `lcap_annual_update_row` (`version_id`,`action_number`);--> statement-breakpoint
CREATE TABLE `lcap_cycle` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_cycle_label_unique` ON `lcap_cycle` (`label`);--> statement-breakpoint
CREATE TABLE `lcap_goal_priority` (
	`goal_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `priority_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `lcap_goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lcap_goal_priority_priority_idx` ON `lcap_goal_priority` (`priority_id`);--> statement-breakpoint
CREATE TABLE `lcap_goal` (
	`id` integer PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`equity_multiplier_school` text,
	`state_priorities` text DEFAULT '' NOT NULL,
	`page` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `lcap_version`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_goal_uq` ON `lcap_goal` (`version_id`,`number`);--> statement-breakpoint
CREATE TABLE `lcap_metric_row` (
	`id` integer PRIMARY KEY NOT NULL,
	`metric_id` integer NOT NULL,
	`student_group` text DEFAULT '' NOT NULL,
	`component` text DEFAULT '' NOT NULL,
	`baseline_year` text DEFAULT '' NOT NULL,
	`baseline` text DEFAULT '' NOT NULL,
	`year_1_year` text DEFAULT '' NOT NULL,
	`year_1` text DEFAULT '' NOT NULL,
	`year_2` text DEFAULT '' NOT NULL,
	`target_year` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`difference` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`metric_id`) REFERENCES `lcap_metric`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lcap_metric_row_metric_idx` ON `lcap_metric_row` (`metric_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `lcap_metric` (
	`id` integer PRIMARY KEY NOT NULL,
	`version_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`baseline` text DEFAULT '' NOT NULL,
	`year_1` text DEFAULT '' NOT NULL,
	`year_2` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`difference` text DEFAULT '' NOT NULL,
	`page` integer,
	`measure_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `lcap_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `lcap_goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_metric_uq` ON `lcap_metric` (`version_id`,`number`);--> statement-breakpoint
CREATE INDEX `lcap_metric_goal_idx` ON `lcap_metric` (`goal_id`);--> statement-breakpoint
CREATE INDEX `lcap_metric_measure_idx` ON `lcap_metric` (`measure_id`);--> statement-breakpoint
CREATE TABLE `lcap_midyear_report` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` text NOT NULL,
	`as_of` text NOT NULL,
	`budget_on` text,
	`meeting_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_midyear_report_year_unique` ON `lcap_midyear_report` (`year`);--> statement-breakpoint
CREATE TABLE `lcap_midyear_row` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`goal_number` text NOT NULL,
	`action_number` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`student_groups` text DEFAULT '' NOT NULL,
	`budget_cents` integer,
	`spent_cents` integer,
	`status` text,
	`note` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `lcap_midyear_report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_midyear_row_uq` ON `lcap_midyear_row` (`report_id`,`action_number`);--> statement-breakpoint
CREATE TABLE `lcap_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`cycle_id` integer NOT NULL,
	`year` text NOT NULL,
	`adopted_on` text,
	`adopted_meeting_id` integer,
	`printed_total_cents` integer,
	`printed_lcff_cents` integer,
	`material_percent` integer DEFAULT 10 NOT NULL,
	`material_cents` integer DEFAULT 5000000 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `lcap_cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adopted_meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lcap_version_year_unique` ON `lcap_version` (`year`);--> statement-breakpoint
-- A mid-year report presented at a meeting whose record is frozen (an update published for it, or the meeting held) is kept as it was: the database refuses to change it, as it does the record.
CREATE TRIGGER `lcap_midyear_row_frozen_insert` BEFORE INSERT ON `lcap_midyear_row` WHEN EXISTS (SELECT 1 FROM `lcap_midyear_report` r JOIN `meeting_snapshot` s ON s.`meeting_id` = r.`meeting_id` WHERE r.`id` = NEW.`report_id`) BEGIN SELECT RAISE(ABORT, 'This mid-year report is on the record of its meeting and no longer changes.'); END;
--> statement-breakpoint
CREATE TRIGGER `lcap_midyear_row_frozen_update` BEFORE UPDATE ON `lcap_midyear_row` WHEN EXISTS (SELECT 1 FROM `lcap_midyear_report` r JOIN `meeting_snapshot` s ON s.`meeting_id` = r.`meeting_id` WHERE r.`id` = OLD.`report_id`) BEGIN SELECT RAISE(ABORT, 'This mid-year report is on the record of its meeting and no longer changes.'); END;
--> statement-breakpoint
CREATE TRIGGER `lcap_midyear_row_frozen_delete` BEFORE DELETE ON `lcap_midyear_row` WHEN EXISTS (SELECT 1 FROM `lcap_midyear_report` r JOIN `meeting_snapshot` s ON s.`meeting_id` = r.`meeting_id` WHERE r.`id` = OLD.`report_id`) BEGIN SELECT RAISE(ABORT, 'This mid-year report is on the record of its meeting and no longer changes.'); END;
--> statement-breakpoint
CREATE TRIGGER `lcap_midyear_report_frozen_update` BEFORE UPDATE ON `lcap_midyear_report` WHEN EXISTS (SELECT 1 FROM `meeting_snapshot` s WHERE s.`meeting_id` = OLD.`meeting_id`) BEGIN SELECT RAISE(ABORT, 'This mid-year report is on the record of its meeting and no longer changes.'); END;
--> statement-breakpoint
CREATE TRIGGER `lcap_midyear_report_frozen_delete` BEFORE DELETE ON `lcap_midyear_report` WHEN EXISTS (SELECT 1 FROM `meeting_snapshot` s WHERE s.`meeting_id` = OLD.`meeting_id`) BEGIN SELECT RAISE(ABORT, 'This mid-year report is on the record of its meeting and no longer changes.'); END;
