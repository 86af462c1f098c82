DROP INDEX `measure_target_uq`;--> statement-breakpoint
ALTER TABLE `measure_target` ADD `student_group` text DEFAULT 'ALL' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `measure_target_uq` ON `measure_target` (`measure_id`,`school_year_id`,`student_group`);