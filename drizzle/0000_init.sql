CREATE TABLE `district` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`cds_code` text NOT NULL,
	`priority_cap` integer DEFAULT 5 NOT NULL,
	`suppression_size` integer DEFAULT 11 NOT NULL,
	`current_school_year_id` integer,
	`initiative_limit` integer DEFAULT 4 NOT NULL,
	`engagement_window_days` integer DEFAULT 90 NOT NULL,
	`board_time_goal_percent` integer DEFAULT 50 NOT NULL,
	`feedback_open_days` integer DEFAULT 30 NOT NULL,
	`data_updated_at` text,
	FOREIGN KEY (`current_school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `school_year` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`start_year` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_year_label_unique` ON `school_year` (`label`);--> statement-breakpoint
CREATE UNIQUE INDEX `school_year_start_year_unique` ON `school_year` (`start_year`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY NOT NULL,
	`cds_code` text NOT NULL,
	`name` text NOT NULL,
	`type` text DEFAULT 'other' NOT NULL,
	`grade_span` text,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_on` text,
	`closed_on` text,
	`charter` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_cds_code_unique` ON `school` (`cds_code`);--> statement-breakpoint
CREATE INDEX `school_name_idx` ON `school` (`name`);--> statement-breakpoint
CREATE INDEX `school_status_idx` ON `school` (`status`);--> statement-breakpoint
CREATE TABLE `student_group` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_es` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `initiative_school` (
	`initiative_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	PRIMARY KEY(`initiative_id`, `school_id`),
	FOREIGN KEY (`initiative_id`) REFERENCES `initiative`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `initiative_school_school_idx` ON `initiative_school` (`school_id`);--> statement-breakpoint
CREATE TABLE `initiative` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`priority_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`start_year` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `initiative_name_unique` ON `initiative` (`name`);--> statement-breakpoint
CREATE TABLE `not_doing_item` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`title_es` text,
	`decision` text DEFAULT 'not pursued' NOT NULL,
	`decided_on` text NOT NULL,
	`reason` text NOT NULL,
	`reason_es` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `priority` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_es` text,
	`description` text DEFAULT '' NOT NULL,
	`description_es` text,
	`rationale` text DEFAULT '' NOT NULL,
	`sponsor` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`adopted_on` text,
	`adopted_meeting_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`adopted_meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `priority_slug_unique` ON `priority` (`slug`);--> statement-breakpoint
CREATE INDEX `priority_status_idx` ON `priority` (`status`,`sort_order`);--> statement-breakpoint
CREATE TABLE `measure_target` (
	`id` integer PRIMARY KEY NOT NULL,
	`measure_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_target_uq` ON `measure_target` (`measure_id`,`school_year_id`);--> statement-breakpoint
CREATE TABLE `measure` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`priority_id` integer,
	`name` text NOT NULL,
	`name_es` text,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`kind` text DEFAULT 'outcome' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`baseline_year_id` integer,
	`baseline_value` real,
	`headline` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`baseline_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_code_unique` ON `measure` (`code`);--> statement-breakpoint
CREATE INDEX `measure_priority_idx` ON `measure` (`priority_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `result` (
	`id` integer PRIMARY KEY NOT NULL,
	`measure_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`school_id` integer,
	`student_group` text NOT NULL,
	`value` real,
	`n` integer,
	`state_color` integer,
	`status_level` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_group`) REFERENCES `student_group`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "result_n_nonnegative" CHECK(n IS NULL OR n >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `result_school_uq` ON `result` (`school_id`,`measure_id`,`school_year_id`,`student_group`) WHERE school_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `result_district_uq` ON `result` (`measure_id`,`school_year_id`,`student_group`) WHERE school_id IS NULL;--> statement-breakpoint
CREATE INDEX `result_measure_year_idx` ON `result` (`measure_id`,`school_year_id`,`student_group`);--> statement-breakpoint
CREATE TABLE `policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'BP' NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`adopted_on` text,
	`revised_on` text,
	`url` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `policy_number_idx` ON `policy` (`number`);--> statement-breakpoint
CREATE TABLE `policy_structure` (
	`policy_id` integer NOT NULL,
	`structure_id` integer NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`policy_id`, `structure_id`),
	FOREIGN KEY (`policy_id`) REFERENCES `policy`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `policy_structure_structure_idx` ON `policy_structure` (`structure_id`);--> statement-breakpoint
CREATE TABLE `structure_priority` (
	`structure_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	PRIMARY KEY(`structure_id`, `priority_id`),
	FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `structure_priority_priority_idx` ON `structure_priority` (`priority_id`);--> statement-breakpoint
CREATE TABLE `structure` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_es` text,
	`category` text NOT NULL,
	`authority` text NOT NULL,
	`origin` text NOT NULL,
	`owner_role` text DEFAULT '' NOT NULL,
	`start_year_id` integer,
	`description` text DEFAULT '' NOT NULL,
	`description_es` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`start_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `structure_name_unique` ON `structure` (`name`);--> statement-breakpoint
CREATE TABLE `check_in` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	`structure_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`depth` integer NOT NULL,
	`adaptation` text,
	`site_led` integer DEFAULT false NOT NULL,
	`evidence_url` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "check_in_depth_range" CHECK(depth BETWEEN 0 AND 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_in_uq` ON `check_in` (`school_year_id`,`structure_id`,`school_id`);--> statement-breakpoint
CREATE INDEX `check_in_school_idx` ON `check_in` (`school_id`,`school_year_id`);--> statement-breakpoint
CREATE TABLE `engagement` (
	`id` integer PRIMARY KEY NOT NULL,
	`priority_id` integer NOT NULL,
	`leader_name` text NOT NULL,
	`leader_role` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`school_id` integer,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `engagement_priority_idx` ON `engagement` (`priority_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `leader_tenure` (
	`id` integer PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`person_name` text NOT NULL,
	`school_id` integer,
	`priority_id` integer,
	`started_on` text NOT NULL,
	`ended_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `leader_tenure_role_idx` ON `leader_tenure` (`role`,`started_on`);--> statement-breakpoint
CREATE INDEX `leader_tenure_school_idx` ON `leader_tenure` (`school_id`);--> statement-breakpoint
CREATE INDEX `leader_tenure_priority_idx` ON `leader_tenure` (`priority_id`);--> statement-breakpoint
CREATE TABLE `agenda_item` (
	`id` integer PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`priority_id` integer,
	`title` text NOT NULL,
	`minutes` integer DEFAULT 0 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agenda_item_meeting_idx` ON `agenda_item` (`meeting_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `board_meeting` (
	`id` integer PRIMARY KEY NOT NULL,
	`held_on` text NOT NULL,
	`kind` text DEFAULT 'regular' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`location` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `board_meeting_held_idx` ON `board_meeting` (`held_on`);--> statement-breakpoint
CREATE TABLE `board_question` (
	`id` integer PRIMARY KEY NOT NULL,
	`update_id` integer NOT NULL,
	`asked_by` text,
	`question` text NOT NULL,
	`asked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` text,
	FOREIGN KEY (`update_id`) REFERENCES `progress_update`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_question_update_idx` ON `board_question` (`update_id`);--> statement-breakpoint
CREATE TABLE `monitoring_due` (
	`priority_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	PRIMARY KEY(`priority_id`, `meeting_id`),
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `progress_update_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`update_id` integer NOT NULL,
	`version` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`status` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`summary_es` text,
	`narrative` text DEFAULT '' NOT NULL,
	`narrative_es` text,
	`learned` text DEFAULT '' NOT NULL,
	`learned_es` text,
	`adjustments` text DEFAULT '' NOT NULL,
	`adjustments_es` text,
	`next_steps` text DEFAULT '' NOT NULL,
	`next_steps_es` text,
	`evidence_measure_ids` text DEFAULT '[]' NOT NULL,
	`author_id` text,
	`published_at` text,
	`published_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_update`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_update_version_uq` ON `progress_update_version` (`update_id`,`version`);--> statement-breakpoint
CREATE INDEX `progress_update_version_state_idx` ON `progress_update_version` (`state`,`published_at`);--> statement-breakpoint
CREATE TABLE `progress_update` (
	`id` integer PRIMARY KEY NOT NULL,
	`priority_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meeting`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_update_uq` ON `progress_update` (`priority_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `progress_update_meeting_idx` ON `progress_update` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	`structure_id` integer NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`reported_on` text NOT NULL,
	`response` text,
	`responded_on` text,
	`responded_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`responded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `feedback_structure_idx` ON `feedback` (`structure_id`,`reported_on`);--> statement-breakpoint
CREATE INDEX `feedback_school_idx` ON `feedback` (`school_id`,`reported_on`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` text,
	`user_email` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	`impersonated_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failure` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failure_email_idx` ON `sign_in_failure` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failure_address_idx` ON `sign_in_failure` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`role` text,
	`banned` integer DEFAULT false,
	`ban_reason` text,
	`ban_expires` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer,
	`updated_at` integer
);
