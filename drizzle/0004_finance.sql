CREATE TABLE `adjustment_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`adjustment_no` text NOT NULL,
	`merchant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`request_key` text NOT NULL,
	`requested_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	`posting_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adjustment_requests_no` ON `adjustment_requests` (`tenant_id`,`adjustment_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `adjustment_requests_key` ON `adjustment_requests` (`tenant_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `adjustment_requests_merchant_created` ON `adjustment_requests` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `adjustment_requests_status_created` ON `adjustment_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`base_currency` text NOT NULL,
	`quote_currency` text NOT NULL,
	`reference_rate` text NOT NULL,
	`applied_rate` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_to` integer NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fx_rates_pair_valid` ON `fx_rates` (`tenant_id`,`base_currency`,`quote_currency`,`valid_from`);--> statement-breakpoint
CREATE TABLE `withdrawals` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`withdrawal_no` text NOT NULL,
	`merchant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer NOT NULL,
	`bank_code` text NOT NULL,
	`account_no` text NOT NULL,
	`holder_name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`request_key` text NOT NULL,
	`requested_by` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`review_note` text,
	`settled_by` integer,
	`settled_at` integer,
	`bank_reference` text,
	`failure_reason` text,
	`hold_posting_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `withdrawals_no` ON `withdrawals` (`tenant_id`,`withdrawal_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `withdrawals_request_key` ON `withdrawals` (`tenant_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `withdrawals_merchant_created` ON `withdrawals` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `withdrawals_status_created` ON `withdrawals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `withdrawals_created` ON `withdrawals` (`created_at`);--> statement-breakpoint
ALTER TABLE `orders` ADD `settlement_currency` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `fx_rate_id` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `fx_reference_rate` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `fx_applied_rate` text;