-- Each table's own version (issue 30: invalidate what changed). The triggers that move it, and the
-- public data version beside it, are kept by the code for every table of the district's data,
-- including tables added later (src/lib/server/db/data-changes.ts): a kept page or derived figure
-- is rebuilt only when a table it read has changed.
CREATE TABLE `table_change` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
