-- The public's data version (issue 30): one counter that every change to the district's data
-- moves, by trigger, whoever makes it (the server, a CLI import, sqlite3). Sign-ins, sessions, the
-- throttle's failures and the audit trail have none: they change no public page, so they
-- invalidate no kept page or derived figure (src/lib/server/cache/pages.ts, dataVersion).
CREATE TABLE `data_change` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_change` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `data_change_agenda_item_insert` AFTER INSERT ON `agenda_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_agenda_item_update` AFTER UPDATE ON `agenda_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_agenda_item_delete` AFTER DELETE ON `agenda_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_meeting_insert` AFTER INSERT ON `board_meeting` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_meeting_update` AFTER UPDATE ON `board_meeting` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_meeting_delete` AFTER DELETE ON `board_meeting` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_question_insert` AFTER INSERT ON `board_question` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_question_update` AFTER UPDATE ON `board_question` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_board_question_delete` AFTER DELETE ON `board_question` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_check_in_insert` AFTER INSERT ON `check_in` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_check_in_update` AFTER UPDATE ON `check_in` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_check_in_delete` AFTER DELETE ON `check_in` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_insert` AFTER INSERT ON `district` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_update` AFTER UPDATE ON `district` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_delete` AFTER DELETE ON `district` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_engagement_insert` AFTER INSERT ON `engagement` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_engagement_update` AFTER UPDATE ON `engagement` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_engagement_delete` AFTER DELETE ON `engagement` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_enrollment_insert` AFTER INSERT ON `enrollment` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_enrollment_update` AFTER UPDATE ON `enrollment` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_enrollment_delete` AFTER DELETE ON `enrollment` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_feedback_insert` AFTER INSERT ON `feedback` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_feedback_update` AFTER UPDATE ON `feedback` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_feedback_delete` AFTER DELETE ON `feedback` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_insert` AFTER INSERT ON `initiative` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_update` AFTER UPDATE ON `initiative` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_delete` AFTER DELETE ON `initiative` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_school_insert` AFTER INSERT ON `initiative_school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_school_update` AFTER UPDATE ON `initiative_school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_initiative_school_delete` AFTER DELETE ON `initiative_school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_leader_tenure_insert` AFTER INSERT ON `leader_tenure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_leader_tenure_update` AFTER UPDATE ON `leader_tenure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_leader_tenure_delete` AFTER DELETE ON `leader_tenure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_insert` AFTER INSERT ON `measure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_update` AFTER UPDATE ON `measure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_delete` AFTER DELETE ON `measure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_target_insert` AFTER INSERT ON `measure_target` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_target_update` AFTER UPDATE ON `measure_target` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_measure_target_delete` AFTER DELETE ON `measure_target` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_meeting_snapshot_insert` AFTER INSERT ON `meeting_snapshot` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_meeting_snapshot_update` AFTER UPDATE ON `meeting_snapshot` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_meeting_snapshot_delete` AFTER DELETE ON `meeting_snapshot` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_monitoring_due_insert` AFTER INSERT ON `monitoring_due` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_monitoring_due_update` AFTER UPDATE ON `monitoring_due` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_monitoring_due_delete` AFTER DELETE ON `monitoring_due` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_not_doing_item_insert` AFTER INSERT ON `not_doing_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_not_doing_item_update` AFTER UPDATE ON `not_doing_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_not_doing_item_delete` AFTER DELETE ON `not_doing_item` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_plan_change_insert` AFTER INSERT ON `plan_change` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_plan_change_update` AFTER UPDATE ON `plan_change` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_plan_change_delete` AFTER DELETE ON `plan_change` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_insert` AFTER INSERT ON `policy` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_update` AFTER UPDATE ON `policy` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_delete` AFTER DELETE ON `policy` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_structure_insert` AFTER INSERT ON `policy_structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_structure_update` AFTER UPDATE ON `policy_structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_policy_structure_delete` AFTER DELETE ON `policy_structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_priority_insert` AFTER INSERT ON `priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_priority_update` AFTER UPDATE ON `priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_priority_delete` AFTER DELETE ON `priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_insert` AFTER INSERT ON `progress_update` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_update` AFTER UPDATE ON `progress_update` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_delete` AFTER DELETE ON `progress_update` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_version_insert` AFTER INSERT ON `progress_update_version` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_version_update` AFTER UPDATE ON `progress_update_version` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_progress_update_version_delete` AFTER DELETE ON `progress_update_version` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_result_insert` AFTER INSERT ON `result` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_result_update` AFTER UPDATE ON `result` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_result_delete` AFTER DELETE ON `result` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_insert` AFTER INSERT ON `school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_update` AFTER UPDATE ON `school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_delete` AFTER DELETE ON `school` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_cds_alias_insert` AFTER INSERT ON `school_cds_alias` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_cds_alias_update` AFTER UPDATE ON `school_cds_alias` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_cds_alias_delete` AFTER DELETE ON `school_cds_alias` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_year_insert` AFTER INSERT ON `school_year` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_year_update` AFTER UPDATE ON `school_year` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_school_year_delete` AFTER DELETE ON `school_year` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_insert` AFTER INSERT ON `structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_update` AFTER UPDATE ON `structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_delete` AFTER DELETE ON `structure` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_priority_insert` AFTER INSERT ON `structure_priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_priority_update` AFTER UPDATE ON `structure_priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_structure_priority_delete` AFTER DELETE ON `structure_priority` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_student_group_insert` AFTER INSERT ON `student_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_student_group_update` AFTER UPDATE ON `student_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_student_group_delete` AFTER DELETE ON `student_group` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_user_insert` AFTER INSERT ON `user` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_user_delete` AFTER DELETE ON `user` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_user_update` AFTER UPDATE ON `user` WHEN OLD.`name` IS NOT NEW.`name` OR OLD.`role` IS NOT NEW.`role` OR OLD.`email` IS NOT NEW.`email` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_logo_insert` AFTER INSERT ON `district_logo` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_logo_update` AFTER UPDATE ON `district_logo` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_change_district_logo_delete` AFTER DELETE ON `district_logo` BEGIN UPDATE `data_change` SET `version` = `version` + 1 WHERE `id` = 1; END;
