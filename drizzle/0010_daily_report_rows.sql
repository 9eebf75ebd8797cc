CREATE TABLE `settlement_daily_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`entry_count` integer DEFAULT 0 NOT NULL,
	`order_pay` integer DEFAULT 0 NOT NULL,
	`order_pay_count` integer DEFAULT 0 NOT NULL,
	`order_fee` integer DEFAULT 0 NOT NULL,
	`order_fee_count` integer DEFAULT 0 NOT NULL,
	`fixed_fee` integer DEFAULT 0 NOT NULL,
	`fixed_fee_count` integer DEFAULT 0 NOT NULL,
	`deposit` integer DEFAULT 0 NOT NULL,
	`deposit_count` integer DEFAULT 0 NOT NULL,
	`refund` integer DEFAULT 0 NOT NULL,
	`refund_count` integer DEFAULT 0 NOT NULL,
	`refund_fee` integer DEFAULT 0 NOT NULL,
	`refund_fee_count` integer DEFAULT 0 NOT NULL,
	`dispute` integer DEFAULT 0 NOT NULL,
	`dispute_count` integer DEFAULT 0 NOT NULL,
	`dispute_fee` integer DEFAULT 0 NOT NULL,
	`dispute_fee_count` integer DEFAULT 0 NOT NULL,
	`drawcash` integer DEFAULT 0 NOT NULL,
	`drawcash_count` integer DEFAULT 0 NOT NULL,
	`drawcash_fee` integer DEFAULT 0 NOT NULL,
	`drawcash_fee_count` integer DEFAULT 0 NOT NULL,
	`rate_difference` integer DEFAULT 0 NOT NULL,
	`rate_difference_count` integer DEFAULT 0 NOT NULL,
	`manual_adjust` integer DEFAULT 0 NOT NULL,
	`manual_adjust_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_rows_list` ON `settlement_daily_rows` (`tenant_id`,`include_test`,"business_day" desc,`merchant_id`,`contract_id`,`currency`);--> statement-breakpoint
CREATE INDEX `settlement_rows_merchant` ON `settlement_daily_rows` (`tenant_id`,`include_test`,`merchant_id`,"business_day" desc,`contract_id`,`currency`);--> statement-breakpoint
CREATE INDEX `settlement_rows_contract` ON `settlement_daily_rows` (`tenant_id`,`include_test`,`contract_id`,"business_day" desc,`merchant_id`,`currency`);--> statement-breakpoint
CREATE INDEX `settlement_rows_currency` ON `settlement_daily_rows` (`tenant_id`,`include_test`,`currency`,"business_day" desc,`merchant_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `settlement_daily_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`entry_count` integer DEFAULT 0 NOT NULL,
	`order_pay` integer DEFAULT 0 NOT NULL,
	`order_pay_count` integer DEFAULT 0 NOT NULL,
	`order_fee` integer DEFAULT 0 NOT NULL,
	`order_fee_count` integer DEFAULT 0 NOT NULL,
	`fixed_fee` integer DEFAULT 0 NOT NULL,
	`fixed_fee_count` integer DEFAULT 0 NOT NULL,
	`deposit` integer DEFAULT 0 NOT NULL,
	`deposit_count` integer DEFAULT 0 NOT NULL,
	`refund` integer DEFAULT 0 NOT NULL,
	`refund_count` integer DEFAULT 0 NOT NULL,
	`refund_fee` integer DEFAULT 0 NOT NULL,
	`refund_fee_count` integer DEFAULT 0 NOT NULL,
	`dispute` integer DEFAULT 0 NOT NULL,
	`dispute_count` integer DEFAULT 0 NOT NULL,
	`dispute_fee` integer DEFAULT 0 NOT NULL,
	`dispute_fee_count` integer DEFAULT 0 NOT NULL,
	`drawcash` integer DEFAULT 0 NOT NULL,
	`drawcash_count` integer DEFAULT 0 NOT NULL,
	`drawcash_fee` integer DEFAULT 0 NOT NULL,
	`drawcash_fee_count` integer DEFAULT 0 NOT NULL,
	`rate_difference` integer DEFAULT 0 NOT NULL,
	`rate_difference_count` integer DEFAULT 0 NOT NULL,
	`manual_adjust` integer DEFAULT 0 NOT NULL,
	`manual_adjust_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_totals_list` ON `settlement_daily_totals` (`tenant_id`,`include_test`,"business_day" desc,`currency`);--> statement-breakpoint
CREATE INDEX `settlement_totals_currency` ON `settlement_daily_totals` (`tenant_id`,`include_test`,`currency`,"business_day" desc);--> statement-breakpoint
CREATE TABLE `transaction_daily_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL,
	`total_count` integer DEFAULT 0 NOT NULL,
	`success_count` integer DEFAULT 0 NOT NULL,
	`transaction_minor` integer DEFAULT 0 NOT NULL,
	`settle_minor` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transaction_rows_list` ON `transaction_daily_rows` (`tenant_id`,`include_test`,"business_day" desc,`merchant_id`,`contract_id`,`currency`);--> statement-breakpoint
CREATE INDEX `transaction_rows_merchant` ON `transaction_daily_rows` (`tenant_id`,`include_test`,`merchant_id`,"business_day" desc,`contract_id`,`currency`);--> statement-breakpoint
CREATE INDEX `transaction_rows_contract` ON `transaction_daily_rows` (`tenant_id`,`include_test`,`contract_id`,"business_day" desc,`merchant_id`,`currency`);--> statement-breakpoint
CREATE INDEX `transaction_rows_currency` ON `transaction_daily_rows` (`tenant_id`,`include_test`,`currency`,"business_day" desc,`merchant_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `transaction_daily_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL,
	`total_count` integer DEFAULT 0 NOT NULL,
	`success_count` integer DEFAULT 0 NOT NULL,
	`transaction_minor` integer DEFAULT 0 NOT NULL,
	`settle_minor` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transaction_totals_list` ON `transaction_daily_totals` (`tenant_id`,`include_test`,"business_day" desc,`currency`);--> statement-breakpoint
CREATE INDEX `transaction_totals_currency` ON `transaction_daily_totals` (`tenant_id`,`include_test`,`currency`,"business_day" desc);--> statement-breakpoint
INSERT INTO `settlement_daily_rows` (`tenant_id`, `include_test`, `business_day`, `contract_id`, `merchant_id`, `currency`, `updated_at`, `net`, `entry_count`, `order_pay`, `order_pay_count`, `order_fee`, `order_fee_count`, `fixed_fee`, `fixed_fee_count`, `deposit`, `deposit_count`, `refund`, `refund_count`, `refund_fee`, `refund_fee_count`, `dispute`, `dispute_count`, `dispute_fee`, `dispute_fee_count`, `drawcash`, `drawcash_count`, `drawcash_fee`, `drawcash_fee_count`, `rate_difference`, `rate_difference_count`, `manual_adjust`, `manual_adjust_count`)
SELECT `tenant_id`, 1, `business_day`, `contract_id`, `merchant_id`, `currency`, max(`updated_at`), sum(`amount_sum`), sum(`entry_count`), sum(case when `type` = 0 then `amount_sum` else 0 end), sum(case when `type` = 0 then `entry_count` else 0 end), sum(case when `type` = 1 then `amount_sum` else 0 end), sum(case when `type` = 1 then `entry_count` else 0 end), sum(case when `type` = 2 then `amount_sum` else 0 end), sum(case when `type` = 2 then `entry_count` else 0 end), sum(case when `type` = 3 then `amount_sum` else 0 end), sum(case when `type` = 3 then `entry_count` else 0 end), sum(case when `type` = 4 then `amount_sum` else 0 end), sum(case when `type` = 4 then `entry_count` else 0 end), sum(case when `type` = 5 then `amount_sum` else 0 end), sum(case when `type` = 5 then `entry_count` else 0 end), sum(case when `type` = 6 then `amount_sum` else 0 end), sum(case when `type` = 6 then `entry_count` else 0 end), sum(case when `type` = 7 then `amount_sum` else 0 end), sum(case when `type` = 7 then `entry_count` else 0 end), sum(case when `type` = 8 then `amount_sum` else 0 end), sum(case when `type` = 8 then `entry_count` else 0 end), sum(case when `type` = 9 then `amount_sum` else 0 end), sum(case when `type` = 9 then `entry_count` else 0 end), sum(case when `type` = 10 then `amount_sum` else 0 end), sum(case when `type` = 10 then `entry_count` else 0 end), sum(case when `type` = 99 then `amount_sum` else 0 end), sum(case when `type` = 99 then `entry_count` else 0 end)
FROM `ledger_daily_summaries` GROUP BY `tenant_id`, `business_day`, `contract_id`, `merchant_id`, `currency`;--> statement-breakpoint
INSERT INTO `settlement_daily_totals` (`tenant_id`, `include_test`, `business_day`, `currency`, `updated_at`, `net`, `entry_count`, `order_pay`, `order_pay_count`, `order_fee`, `order_fee_count`, `fixed_fee`, `fixed_fee_count`, `deposit`, `deposit_count`, `refund`, `refund_count`, `refund_fee`, `refund_fee_count`, `dispute`, `dispute_count`, `dispute_fee`, `dispute_fee_count`, `drawcash`, `drawcash_count`, `drawcash_fee`, `drawcash_fee_count`, `rate_difference`, `rate_difference_count`, `manual_adjust`, `manual_adjust_count`)
SELECT `tenant_id`, 1, `business_day`, `currency`, max(`updated_at`), sum(`amount_sum`), sum(`entry_count`), sum(case when `type` = 0 then `amount_sum` else 0 end), sum(case when `type` = 0 then `entry_count` else 0 end), sum(case when `type` = 1 then `amount_sum` else 0 end), sum(case when `type` = 1 then `entry_count` else 0 end), sum(case when `type` = 2 then `amount_sum` else 0 end), sum(case when `type` = 2 then `entry_count` else 0 end), sum(case when `type` = 3 then `amount_sum` else 0 end), sum(case when `type` = 3 then `entry_count` else 0 end), sum(case when `type` = 4 then `amount_sum` else 0 end), sum(case when `type` = 4 then `entry_count` else 0 end), sum(case when `type` = 5 then `amount_sum` else 0 end), sum(case when `type` = 5 then `entry_count` else 0 end), sum(case when `type` = 6 then `amount_sum` else 0 end), sum(case when `type` = 6 then `entry_count` else 0 end), sum(case when `type` = 7 then `amount_sum` else 0 end), sum(case when `type` = 7 then `entry_count` else 0 end), sum(case when `type` = 8 then `amount_sum` else 0 end), sum(case when `type` = 8 then `entry_count` else 0 end), sum(case when `type` = 9 then `amount_sum` else 0 end), sum(case when `type` = 9 then `entry_count` else 0 end), sum(case when `type` = 10 then `amount_sum` else 0 end), sum(case when `type` = 10 then `entry_count` else 0 end), sum(case when `type` = 99 then `amount_sum` else 0 end), sum(case when `type` = 99 then `entry_count` else 0 end)
FROM `ledger_daily_summaries` GROUP BY `tenant_id`, `business_day`, `currency`;--> statement-breakpoint
INSERT INTO `transaction_daily_rows` (`tenant_id`, `include_test`, `business_day`, `contract_id`, `merchant_id`, `currency`, `updated_at`, `total_count`, `success_count`, `transaction_minor`, `settle_minor`)
SELECT `tenant_id`, 1, `business_day`, `contract_id`, `merchant_id`, `currency`, max(`updated_at`), sum(`total_count`), sum(`success_count`), sum(`transaction_minor`), sum(`settle_minor`)
FROM `order_daily_stats` GROUP BY `tenant_id`, `business_day`, `contract_id`, `merchant_id`, `currency`;--> statement-breakpoint
INSERT INTO `transaction_daily_totals` (`tenant_id`, `include_test`, `business_day`, `currency`, `updated_at`, `total_count`, `success_count`, `transaction_minor`, `settle_minor`)
SELECT `tenant_id`, 1, `business_day`, `currency`, max(`updated_at`), sum(`total_count`), sum(`success_count`), sum(`transaction_minor`), sum(`settle_minor`)
FROM `order_daily_stats` GROUP BY `tenant_id`, `business_day`, `currency`;--> statement-breakpoint
INSERT INTO `settlement_daily_rows` (`tenant_id`, `include_test`, `business_day`, `contract_id`, `merchant_id`, `currency`, `updated_at`, `net`, `entry_count`, `order_pay`, `order_pay_count`, `order_fee`, `order_fee_count`, `fixed_fee`, `fixed_fee_count`, `deposit`, `deposit_count`, `refund`, `refund_count`, `refund_fee`, `refund_fee_count`, `dispute`, `dispute_count`, `dispute_fee`, `dispute_fee_count`, `drawcash`, `drawcash_count`, `drawcash_fee`, `drawcash_fee_count`, `rate_difference`, `rate_difference_count`, `manual_adjust`, `manual_adjust_count`)
SELECT `tenant_id`, 0, `business_day`, `contract_id`, `merchant_id`, `currency`, max(`updated_at`), sum(`amount_sum`), sum(`entry_count`), sum(case when `type` = 0 then `amount_sum` else 0 end), sum(case when `type` = 0 then `entry_count` else 0 end), sum(case when `type` = 1 then `amount_sum` else 0 end), sum(case when `type` = 1 then `entry_count` else 0 end), sum(case when `type` = 2 then `amount_sum` else 0 end), sum(case when `type` = 2 then `entry_count` else 0 end), sum(case when `type` = 3 then `amount_sum` else 0 end), sum(case when `type` = 3 then `entry_count` else 0 end), sum(case when `type` = 4 then `amount_sum` else 0 end), sum(case when `type` = 4 then `entry_count` else 0 end), sum(case when `type` = 5 then `amount_sum` else 0 end), sum(case when `type` = 5 then `entry_count` else 0 end), sum(case when `type` = 6 then `amount_sum` else 0 end), sum(case when `type` = 6 then `entry_count` else 0 end), sum(case when `type` = 7 then `amount_sum` else 0 end), sum(case when `type` = 7 then `entry_count` else 0 end), sum(case when `type` = 8 then `amount_sum` else 0 end), sum(case when `type` = 8 then `entry_count` else 0 end), sum(case when `type` = 9 then `amount_sum` else 0 end), sum(case when `type` = 9 then `entry_count` else 0 end), sum(case when `type` = 10 then `amount_sum` else 0 end), sum(case when `type` = 10 then `entry_count` else 0 end), sum(case when `type` = 99 then `amount_sum` else 0 end), sum(case when `type` = 99 then `entry_count` else 0 end)
FROM `ledger_daily_summaries` WHERE `is_test` = 0 GROUP BY `tenant_id`, `business_day`, `contract_id`, `merchant_id`, `currency`;--> statement-breakpoint
INSERT INTO `settlement_daily_totals` (`tenant_id`, `include_test`, `business_day`, `currency`, `updated_at`, `net`, `entry_count`, `order_pay`, `order_pay_count`, `order_fee`, `order_fee_count`, `fixed_fee`, `fixed_fee_count`, `deposit`, `deposit_count`, `refund`, `refund_count`, `refund_fee`, `refund_fee_count`, `dispute`, `dispute_count`, `dispute_fee`, `dispute_fee_count`, `drawcash`, `drawcash_count`, `drawcash_fee`, `drawcash_fee_count`, `rate_difference`, `rate_difference_count`, `manual_adjust`, `manual_adjust_count`)
SELECT `tenant_id`, 0, `business_day`, `currency`, max(`updated_at`), sum(`amount_sum`), sum(`entry_count`), sum(case when `type` = 0 then `amount_sum` else 0 end), sum(case when `type` = 0 then `entry_count` else 0 end), sum(case when `type` = 1 then `amount_sum` else 0 end), sum(case when `type` = 1 then `entry_count` else 0 end), sum(case when `type` = 2 then `amount_sum` else 0 end), sum(case when `type` = 2 then `entry_count` else 0 end), sum(case when `type` = 3 then `amount_sum` else 0 end), sum(case when `type` = 3 then `entry_count` else 0 end), sum(case when `type` = 4 then `amount_sum` else 0 end), sum(case when `type` = 4 then `entry_count` else 0 end), sum(case when `type` = 5 then `amount_sum` else 0 end), sum(case when `type` = 5 then `entry_count` else 0 end), sum(case when `type` = 6 then `amount_sum` else 0 end), sum(case when `type` = 6 then `entry_count` else 0 end), sum(case when `type` = 7 then `amount_sum` else 0 end), sum(case when `type` = 7 then `entry_count` else 0 end), sum(case when `type` = 8 then `amount_sum` else 0 end), sum(case when `type` = 8 then `entry_count` else 0 end), sum(case when `type` = 9 then `amount_sum` else 0 end), sum(case when `type` = 9 then `entry_count` else 0 end), sum(case when `type` = 10 then `amount_sum` else 0 end), sum(case when `type` = 10 then `entry_count` else 0 end), sum(case when `type` = 99 then `amount_sum` else 0 end), sum(case when `type` = 99 then `entry_count` else 0 end)
FROM `ledger_daily_summaries` WHERE `is_test` = 0 GROUP BY `tenant_id`, `business_day`, `currency`;--> statement-breakpoint
INSERT INTO `transaction_daily_rows` (`tenant_id`, `include_test`, `business_day`, `contract_id`, `merchant_id`, `currency`, `updated_at`, `total_count`, `success_count`, `transaction_minor`, `settle_minor`)
SELECT `tenant_id`, 0, `business_day`, `contract_id`, `merchant_id`, `currency`, max(`updated_at`), sum(`total_count`), sum(`success_count`), sum(`transaction_minor`), sum(`settle_minor`)
FROM `order_daily_stats` WHERE `is_test` = 0 GROUP BY `tenant_id`, `business_day`, `contract_id`, `merchant_id`, `currency`;--> statement-breakpoint
INSERT INTO `transaction_daily_totals` (`tenant_id`, `include_test`, `business_day`, `currency`, `updated_at`, `total_count`, `success_count`, `transaction_minor`, `settle_minor`)
SELECT `tenant_id`, 0, `business_day`, `currency`, max(`updated_at`), sum(`total_count`), sum(`success_count`), sum(`transaction_minor`), sum(`settle_minor`)
FROM `order_daily_stats` WHERE `is_test` = 0 GROUP BY `tenant_id`, `business_day`, `currency`;--> statement-breakpoint
DROP TABLE `ledger_daily_currency_totals`;--> statement-breakpoint
DROP TABLE `ledger_daily_summaries`;--> statement-breakpoint
DROP TABLE `order_daily_currency_totals`;--> statement-breakpoint
DROP TABLE `order_daily_stats`;