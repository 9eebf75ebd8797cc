CREATE TABLE `fieldtest_plan_versions` (
	`plan_id` integer NOT NULL,
	`version` integer NOT NULL,
	`steps` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `version`),
	FOREIGN KEY (`plan_id`) REFERENCES `fieldtest_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `fieldtest_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`service_ids` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fieldtest_plans_name` ON `fieldtest_plans` (`tenant_id`,`channel_id`,`name`);--> statement-breakpoint
CREATE INDEX `fieldtest_plans_updated` ON `fieldtest_plans` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `fieldtest_rehearsal_channels` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`twin_channel_id` integer NOT NULL,
	`merchant_no` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`twin_channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fieldtest_rehearsal_channels_twin_channel_id_unique` ON `fieldtest_rehearsal_channels` (`twin_channel_id`);--> statement-breakpoint
CREATE TABLE `fieldtest_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`document` text NOT NULL,
	`head` text NOT NULL,
	`signed_by` integer NOT NULL,
	`countersigned_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `fieldtest_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`countersigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fieldtest_reports_run` ON `fieldtest_reports` (`run_id`);--> statement-breakpoint
CREATE INDEX `fieldtest_reports_created` ON `fieldtest_reports` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fieldtest_run_steps` (
	`run_id` integer NOT NULL,
	`step_index` integer NOT NULL,
	`step` text NOT NULL,
	`status` text NOT NULL,
	`cause_code` text,
	`cause` text,
	`cause_summary` text,
	`request_key` text,
	`order_id` integer,
	`refund_id` integer,
	`sent_minor` integer,
	`result` text,
	`evidence` text,
	`started_at` integer,
	`finished_at` integer,
	PRIMARY KEY(`run_id`, `step_index`),
	FOREIGN KEY (`run_id`) REFERENCES `fieldtest_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fieldtest_run_steps_order` ON `fieldtest_run_steps` (`order_id`);--> statement-breakpoint
CREATE TABLE `fieldtest_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`plan_version` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`order_channel_id` integer NOT NULL,
	`target` text NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`status_text` text,
	`max_orders` integer NOT NULL,
	`max_amount_minor` integer NOT NULL,
	`faults` text NOT NULL,
	`current_step` integer,
	`confirmed_by` integer,
	`confirmed_at` integer,
	`started_by` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `fieldtest_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fieldtest_runs_plan` ON `fieldtest_runs` (`plan_id`,`id`);--> statement-breakpoint
CREATE INDEX `fieldtest_runs_channel` ON `fieldtest_runs` (`channel_id`,`id`);--> statement-breakpoint
CREATE INDEX `fieldtest_runs_status` ON `fieldtest_runs` (`status`);--> statement-breakpoint
CREATE TABLE `fieldtest_signing_keys` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key_enc` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
