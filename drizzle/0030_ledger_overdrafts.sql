-- An imposed posting (a chargeback the provider has already taken back) may take a merchant's or a
-- channel's account below zero by leave of that one posting: each such overdraft is recorded here,
-- and the self-check accepts a negative balance only within what these rows recorded.
CREATE TABLE `ledger_overdrafts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`posting_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`available_before` integer NOT NULL,
	`short_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_id`) REFERENCES `ledger_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_overdrafts_account` ON `ledger_overdrafts` (`account_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_overdrafts_posting_account` ON `ledger_overdrafts` (`posting_id`,`account_id`);