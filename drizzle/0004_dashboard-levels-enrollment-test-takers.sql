CREATE TABLE `enrollment` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_year_id` integer NOT NULL,
	`school_id` integer,
	`student_group` text NOT NULL,
	`students` integer,
	`share` real,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_year`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_group`) REFERENCES `student_group`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollment_school_uq` ON `enrollment` (`school_id`,`school_year_id`,`student_group`) WHERE school_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `enrollment_district_uq` ON `enrollment` (`school_year_id`,`student_group`) WHERE school_id IS NULL;--> statement-breakpoint
ALTER TABLE `student_group` ADD `kind` text DEFAULT 'student-group' NOT NULL;--> statement-breakpoint
ALTER TABLE `result` ADD `change_level` integer;--> statement-breakpoint
ALTER TABLE `result` ADD `prior_status` real;--> statement-breakpoint
ALTER TABLE `result` ADD `change` real;--> statement-breakpoint
ALTER TABLE `result` ADD `color_missing` text;--> statement-breakpoint
-- Census enrollment was imported as an outcome measure: it becomes context (the enrollment table).
INSERT INTO `enrollment` (`school_year_id`, `school_id`, `student_group`, `students`, `share`, `updated_at`)
	SELECT `school_year_id`, `school_id`, `student_group`, `n`, `value`, `updated_at` FROM `result`
	WHERE `measure_id` IN (SELECT `id` FROM `measure` WHERE `code` = 'census');--> statement-breakpoint
DELETE FROM `result` WHERE `measure_id` IN (SELECT `id` FROM `measure` WHERE `code` = 'census');--> statement-breakpoint
DELETE FROM `measure_target` WHERE `measure_id` IN (SELECT `id` FROM `measure` WHERE `code` = 'census');--> statement-breakpoint
DELETE FROM `measure` WHERE `code` = 'census';--> statement-breakpoint
-- Who took which test is not a student group.
UPDATE `student_group` SET `kind` = 'test-takers' WHERE `code` IN ('SBA', 'CAA');--> statement-breakpoint
-- The state's Spanish names for the groups imported before they shipped.
UPDATE `student_group` SET `name_es` = 'Todos los estudiantes' WHERE `code` = 'ALL' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Afroamericanos' WHERE `code` = 'AA' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Indígenas americanos o nativos de Alaska' WHERE `code` = 'AI' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Asiáticos' WHERE `code` = 'AS' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Filipinos' WHERE `code` = 'FI' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Hispanos' WHERE `code` = 'HI' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Isleños del Pacífico' WHERE `code` = 'PI' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Blancos' WHERE `code` = 'WH' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Dos o más razas' WHERE `code` = 'MR' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Estudiantes de inglés' WHERE `code` = 'EL' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Solo estudiantes de inglés' WHERE `code` = 'ELO' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Estudiantes de inglés a largo plazo' WHERE `code` = 'LTEL' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Reclasificados con dominio avanzado del inglés' WHERE `code` = 'RFP' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Solo inglés' WHERE `code` = 'EO' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Socioeconómicamente desfavorecidos' WHERE `code` = 'SED' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Estudiantes con discapacidades' WHERE `code` = 'SWD' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Jóvenes de crianza temporal' WHERE `code` = 'FOS' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Jóvenes sin hogar' WHERE `code` = 'HOM' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Tomaron las pruebas Smarter Balanced' WHERE `code` = 'SBA' AND `name_es` IS NULL;--> statement-breakpoint
UPDATE `student_group` SET `name_es` = 'Tomaron las Pruebas Alternativas de California' WHERE `code` = 'CAA' AND `name_es` IS NULL;--> statement-breakpoint
-- And for the indicators' measures.
UPDATE `measure` SET `name_es` = 'Artes lingüísticas en inglés: distancia del estándar' WHERE `code` = 'ela' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Matemáticas: distancia del estándar' WHERE `code` = 'math' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Ciencias: distancia del estándar' WHERE `code` = 'science' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Tasa de ausentismo crónico' WHERE `code` = 'chronic' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Tasa de suspensión' WHERE `code` = 'susp' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Tasa de graduación' WHERE `code` = 'grad' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Tasa de graduación, escuelas alternativas (un año)' WHERE `code` = 'grad-dass' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Universidad/carrera: preparados' WHERE `code` = 'cci' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Progreso de los estudiantes de inglés' WHERE `code` = 'elpi' AND `name_es` IS NULL AND `source` = 'California School Dashboard';--> statement-breakpoint
UPDATE `measure` SET `name_es` = 'Crecimiento académico (informativo)' WHERE `code` = 'growth' AND `name_es` IS NULL AND `source` = 'California School Dashboard';
