ALTER TABLE `measure` ADD `student_group` text DEFAULT 'ALL' NOT NULL;--> statement-breakpoint
-- The state's English learner progress indicator has rows for English learners only.
UPDATE `measure` SET `student_group` = 'EL' WHERE `code` = 'elpi';
