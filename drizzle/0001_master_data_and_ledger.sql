CREATE TABLE `channel_service_bindings` (
	`channel_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`bound_lower_minor` integer DEFAULT 0 NOT NULL,
	`bound_upper_minor` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`channel_id`, `service_id`),
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bindings_service` ON `channel_service_bindings` (`service_id`);--> statement-breakpoint
CREATE TABLE `channels` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`supports_deposit` integer DEFAULT true NOT NULL,
	`supports_payout` integer DEFAULT false NOT NULL,
	`currency` text NOT NULL,
	`payment_lower_minor` integer DEFAULT 0 NOT NULL,
	`payment_upper_minor` integer DEFAULT 0 NOT NULL,
	`payout_lower_minor` integer DEFAULT 0 NOT NULL,
	`payout_upper_minor` integer DEFAULT 0 NOT NULL,
	`credentials_enc` text,
	`credential_keys` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channels_tenant_name` ON `channels` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`name` text NOT NULL,
	`settlement_currency` text NOT NULL,
	`fee_rate_ppm` integer DEFAULT 0 NOT NULL,
	`fixed_fee_minor` integer DEFAULT 0 NOT NULL,
	`refund_fee_minor` integer DEFAULT 0 NOT NULL,
	`dispute_fee_minor` integer DEFAULT 0 NOT NULL,
	`withdrawal_fee_minor` integer DEFAULT 0 NOT NULL,
	`reserve_rate_ppm` integer DEFAULT 0 NOT NULL,
	`reserve_hold_days` integer DEFAULT 0 NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_merchant` ON `contracts` (`merchant_id`,`settlement_currency`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`service_type` text NOT NULL,
	`direction` text NOT NULL,
	`currency` text NOT NULL,
	`single_lower_minor` integer DEFAULT 0 NOT NULL,
	`single_upper_minor` integer DEFAULT 0 NOT NULL,
	`activated_at` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_merchant_type_direction_currency` ON `services` (`merchant_id`,`service_type`,`direction`,`currency`);--> statement-breakpoint
CREATE TABLE `terminals` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`type` text NOT NULL,
	`identifier` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terminals_merchant_identifier` ON `terminals` (`merchant_id`,`identifier`);--> statement-breakpoint
CREATE TABLE `ledger_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`merchant_id` integer,
	`channel_id` integer,
	`currency` text NOT NULL,
	`normal` integer NOT NULL,
	`allow_overdraft` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_accounts_key` ON `ledger_accounts` (`tenant_id`,`key`);--> statement-breakpoint
CREATE INDEX `ledger_accounts_merchant` ON `ledger_accounts` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `ledger_accounts_channel` ON `ledger_accounts` (`channel_id`);--> statement-breakpoint
CREATE TABLE `ledger_balances` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`posted_sum` integer DEFAULT 0 NOT NULL,
	`held_out` integer DEFAULT 0 NOT NULL,
	`held_in` integer DEFAULT 0 NOT NULL,
	`entry_count` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_daily_summaries` (
	`business_day` integer NOT NULL,
	`tenant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`currency` text NOT NULL,
	`type` integer NOT NULL,
	`is_test` integer NOT NULL,
	`amount_sum` integer NOT NULL,
	`entry_count` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`business_day`, `tenant_id`, `contract_id`, `merchant_id`, `currency`, `type`, `is_test`)
);
--> statement-breakpoint
CREATE INDEX `ledger_daily_merchant` ON `ledger_daily_summaries` (`merchant_id`,`business_day`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`posting_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`type` integer,
	`remark` text DEFAULT '' NOT NULL,
	`account_kind` text NOT NULL,
	`merchant_id` integer,
	`contract_id` integer,
	`txn_id` integer NOT NULL,
	`is_test` integer DEFAULT false NOT NULL,
	`business_day` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `ledger_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_posting` ON `ledger_entries` (`posting_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account` ON `ledger_entries` (`account_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_merchant_created` ON `ledger_entries` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_entries_created` ON `ledger_entries` (`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_entries_txn` ON `ledger_entries` (`txn_id`);--> statement-breakpoint
CREATE TABLE `ledger_hold_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`posting_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`type` integer,
	`remark` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `ledger_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_hold_entries_posting` ON `ledger_hold_entries` (`posting_id`);--> statement-breakpoint
CREATE TABLE `ledger_postings` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`content_hash` text NOT NULL,
	`status` text NOT NULL,
	`description` text NOT NULL,
	`txn_id` integer NOT NULL,
	`merchant_id` integer,
	`contract_id` integer,
	`reference` text,
	`is_test` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`settled_at` integer,
	`void_reason` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_postings_key` ON `ledger_postings` (`tenant_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ledger_postings_txn` ON `ledger_postings` (`txn_id`);--> statement-breakpoint
CREATE INDEX `ledger_postings_reference` ON `ledger_postings` (`reference`);--> statement-breakpoint
ALTER TABLE `merchants` ADD `contact_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `merchants` ADD `contact_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `merchants` ADD `contact_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `merchants` ADD `notify_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `merchants` ADD `signing_secret_enc` text;--> statement-breakpoint
ALTER TABLE `merchants` ADD `signing_secret_rotated_at` integer;