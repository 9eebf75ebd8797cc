CREATE INDEX `ledger_entries_report_created` ON `ledger_entries` (`tenant_id`,`created_at`) WHERE account_kind = 'merchant_available';--> statement-breakpoint
CREATE INDEX `ledger_entries_report_merchant` ON `ledger_entries` (`tenant_id`,`merchant_id`,`created_at`) WHERE account_kind = 'merchant_available';--> statement-breakpoint
CREATE INDEX `ledger_entries_report_contract` ON `ledger_entries` (`tenant_id`,`contract_id`,`created_at`) WHERE account_kind = 'merchant_available';--> statement-breakpoint
CREATE INDEX `ledger_entries_report_currency` ON `ledger_entries` (`tenant_id`,`currency`,`created_at`) WHERE account_kind = 'merchant_available';--> statement-breakpoint
CREATE INDEX `ledger_entries_report_type` ON `ledger_entries` (`tenant_id`,`type`,`created_at`) WHERE account_kind = 'merchant_available';--> statement-breakpoint
CREATE INDEX `ledger_entries_report_test` ON `ledger_entries` (`tenant_id`,`is_test`,`created_at`) WHERE account_kind = 'merchant_available';