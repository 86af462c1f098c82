ALTER TABLE `priority` ADD `plan_recorded_at` text;--> statement-breakpoint
ALTER TABLE `priority` ADD `plan_as_adopted` text;--> statement-breakpoint
-- Priorities adopted before the plan as adopted was kept: their changes were already logged.
UPDATE `priority` SET `plan_recorded_at` = coalesce(`adopted_on`, `created_at`) WHERE `adopted_on` IS NOT NULL OR `adopted_meeting_id` IS NOT NULL;
