CREATE TABLE `recon_break_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`break_id` integer NOT NULL,
	`identity` text,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`resolution` text,
	`text` text NOT NULL,
	`summary` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`break_id`) REFERENCES `recon_breaks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recon_break_events_break` ON `recon_break_events` (`break_id`,`at`);--> statement-breakpoint
CREATE INDEX `recon_break_events_identity` ON `recon_break_events` (`identity`);--> statement-breakpoint
CREATE TABLE `recon_breaks` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`type` text NOT NULL,
	`identity` text NOT NULL,
	`line_id` integer,
	`order_id` integer,
	`refund_id` integer,
	`statement_id` integer,
	`merchant_id` integer,
	`currency` text,
	`theirs_minor` integer,
	`ours_minor` integer,
	`difference_minor` integer,
	`at` integer NOT NULL,
	`cause_key` text NOT NULL,
	`detail` text NOT NULL,
	`status` text NOT NULL,
	`resolution` text,
	`assigned_to` integer,
	`adjustment_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `recon_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recon_breaks_identity` ON `recon_breaks` (`run_id`,`identity`);--> statement-breakpoint
CREATE INDEX `recon_breaks_list` ON `recon_breaks` (`run_id`,`status`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `recon_breaks_type` ON `recon_breaks` (`run_id`,`type`,`status`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `recon_breaks_cause` ON `recon_breaks` (`run_id`,`cause_key`,`status`);--> statement-breakpoint
CREATE INDEX `recon_breaks_merchant` ON `recon_breaks` (`run_id`,`merchant_id`,`status`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `recon_breaks_adjustment` ON `recon_breaks` (`adjustment_id`);--> statement-breakpoint
CREATE TABLE `recon_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`statement_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`row_key` text NOT NULL,
	`kind` text NOT NULL,
	`order_no` text,
	`merchant_order_no` text,
	`upstream_no` text,
	`refund_no` text,
	`currency` text,
	`gross_minor` integer,
	`fee_text` text,
	`fee_minor` integer,
	`net_minor` integer,
	`at` integer,
	`status` text,
	`counterparty` text,
	`raw` text NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `recon_statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recon_lines_key` ON `recon_lines` (`source_id`,`row_key`);--> statement-breakpoint
CREATE INDEX `recon_lines_statement` ON `recon_lines` (`statement_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `recon_lines_order_no` ON `recon_lines` (`order_no`);--> statement-breakpoint
CREATE INDEX `recon_lines_upstream_no` ON `recon_lines` (`upstream_no`);--> statement-breakpoint
CREATE TABLE `recon_manual_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`order_id` integer,
	`refund_id` integer,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	`removed_by` integer,
	FOREIGN KEY (`line_id`) REFERENCES `recon_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recon_manual_links_line` ON `recon_manual_links` (`line_id`);--> statement-breakpoint
CREATE TABLE `recon_matches` (
	`id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`order_id` integer,
	`refund_id` integer,
	`pass` text NOT NULL,
	`group_key` text,
	`merchant_id` integer,
	`currency` text,
	`amount_minor` integer,
	FOREIGN KEY (`run_id`) REFERENCES `recon_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recon_matches_run` ON `recon_matches` (`run_id`,`line_id`);--> statement-breakpoint
CREATE INDEX `recon_matches_order` ON `recon_matches` (`run_id`,`order_id`);--> statement-breakpoint
CREATE TABLE `recon_profiles` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` integer NOT NULL,
	`version` integer NOT NULL,
	`profile` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `recon_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recon_profiles_version` ON `recon_profiles` (`source_id`,`version`);--> statement-breakpoint
CREATE TABLE `recon_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`scope` text NOT NULL,
	`input_hash` text NOT NULL,
	`result_hash` text,
	`rule_version` integer NOT NULL,
	`status` text NOT NULL,
	`summary` text,
	`error` text,
	`created_by` integer,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `recon_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recon_runs_source` ON `recon_runs` (`tenant_id`,`source_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `recon_sources` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`channel_id` integer,
	`fee_rate_ppm` integer,
	`fee_fixed_minor` integer,
	`currency` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recon_sources_name` ON `recon_sources` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `recon_statements` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`profile_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`file_size` integer NOT NULL,
	`encoding` text NOT NULL,
	`period_from` integer,
	`period_to` integer,
	`line_count` integer NOT NULL,
	`repeated_lines` integer DEFAULT 0 NOT NULL,
	`controls` text NOT NULL,
	`status` text NOT NULL,
	`imported_by` integer,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `recon_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`profile_id`) REFERENCES `recon_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recon_statements_file` ON `recon_statements` (`tenant_id`,`file_hash`);--> statement-breakpoint
CREATE INDEX `recon_statements_source` ON `recon_statements` (`source_id`,`period_from`);