CREATE TABLE `ledger_daily_currency_totals` (
	`tenant_id` integer NOT NULL,
	`business_day` integer NOT NULL,
	`currency` text NOT NULL,
	`type` integer NOT NULL,
	`is_test` integer NOT NULL,
	`amount_sum` integer NOT NULL,
	`entry_count` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `business_day`, `currency`, `type`, `is_test`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `order_daily_currency_totals` (
	`tenant_id` integer NOT NULL,
	`business_day` integer NOT NULL,
	`currency` text NOT NULL,
	`is_test` integer NOT NULL,
	`total_count` integer NOT NULL,
	`success_count` integer NOT NULL,
	`transaction_minor` integer NOT NULL,
	`settle_minor` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `business_day`, `currency`, `is_test`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `ledger_daily_currency_totals` (`tenant_id`, `business_day`, `currency`, `type`, `is_test`, `amount_sum`, `entry_count`, `updated_at`)
SELECT `tenant_id`, `business_day`, `currency`, `type`, `is_test`, sum(`amount_sum`), sum(`entry_count`), max(`updated_at`) FROM `ledger_daily_summaries` GROUP BY `tenant_id`, `business_day`, `currency`, `type`, `is_test`;--> statement-breakpoint
INSERT INTO `order_daily_currency_totals` (`tenant_id`, `business_day`, `currency`, `is_test`, `total_count`, `success_count`, `transaction_minor`, `settle_minor`, `updated_at`)
SELECT `tenant_id`, `business_day`, `currency`, `is_test`, sum(`total_count`), sum(`success_count`), sum(`transaction_minor`), sum(`settle_minor`), max(`updated_at`) FROM `order_daily_stats` GROUP BY `tenant_id`, `business_day`, `currency`, `is_test`;
