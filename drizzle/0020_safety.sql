CREATE TABLE `ledger_checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`target` text NOT NULL,
	`file` text,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`status` text NOT NULL,
	`postings` integer DEFAULT 0 NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`accounts` integer DEFAULT 0 NOT NULL,
	`drift_count` integer DEFAULT 0 NOT NULL,
	`drifts` text DEFAULT '[]' NOT NULL,
	`error` text,
	`requested_by` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_checks_target_idx` ON `ledger_checks` (`tenant_id`,`target`,`id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `backup_folder` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `backup_every_hours` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `backup_keep` integer DEFAULT 14 NOT NULL;