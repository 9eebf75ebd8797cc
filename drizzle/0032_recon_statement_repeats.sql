-- A line a file lists that an earlier statement of the source already holds (its row key) is stored
-- once; this records that the later statement lists it too, so a run over that statement reads it.
CREATE TABLE `recon_statement_repeats` (
	`statement_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	PRIMARY KEY(`statement_id`, `line_id`),
	FOREIGN KEY (`statement_id`) REFERENCES `recon_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `recon_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recon_statement_repeats_line` ON `recon_statement_repeats` (`line_id`);