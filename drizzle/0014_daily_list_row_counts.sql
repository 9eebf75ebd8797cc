ALTER TABLE `settlement_daily_totals` ADD `list_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transaction_daily_totals` ADD `list_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint

-- How many list rows each day total has (schema/reports.ts listRows): counted once for the rows
-- already stored, then kept by triggers as rows are added (a day's first row for a contract,
-- merchant and currency) or removed. An upsert that updates an existing row fires no INSERT trigger.
UPDATE `settlement_daily_totals` SET list_rows = (
  SELECT count(*) FROM `settlement_daily_rows` r
  WHERE r.tenant_id = `settlement_daily_totals`.tenant_id AND r.include_test = `settlement_daily_totals`.include_test AND r.business_day = `settlement_daily_totals`.business_day AND r.currency = `settlement_daily_totals`.currency
);
--> statement-breakpoint
CREATE TRIGGER `settlement_rows_counted` AFTER INSERT ON `settlement_daily_rows` BEGIN
  INSERT INTO `settlement_daily_totals` (tenant_id, include_test, business_day, currency, updated_at, list_rows)
    VALUES (new.tenant_id, new.include_test, new.business_day, new.currency, new.updated_at, 1)
    ON CONFLICT (tenant_id, include_test, business_day, currency) DO UPDATE SET list_rows = list_rows + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_rows_uncounted` AFTER DELETE ON `settlement_daily_rows` BEGIN
  UPDATE `settlement_daily_totals` SET list_rows = list_rows - 1
    WHERE tenant_id = old.tenant_id AND include_test = old.include_test AND business_day = old.business_day AND currency = old.currency;
END;
--> statement-breakpoint
UPDATE `transaction_daily_totals` SET list_rows = (
  SELECT count(*) FROM `transaction_daily_rows` r
  WHERE r.tenant_id = `transaction_daily_totals`.tenant_id AND r.include_test = `transaction_daily_totals`.include_test AND r.business_day = `transaction_daily_totals`.business_day AND r.currency = `transaction_daily_totals`.currency
);
--> statement-breakpoint
CREATE TRIGGER `transaction_rows_counted` AFTER INSERT ON `transaction_daily_rows` BEGIN
  INSERT INTO `transaction_daily_totals` (tenant_id, include_test, business_day, currency, updated_at, list_rows)
    VALUES (new.tenant_id, new.include_test, new.business_day, new.currency, new.updated_at, 1)
    ON CONFLICT (tenant_id, include_test, business_day, currency) DO UPDATE SET list_rows = list_rows + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_rows_uncounted` AFTER DELETE ON `transaction_daily_rows` BEGIN
  UPDATE `transaction_daily_totals` SET list_rows = list_rows - 1
    WHERE tenant_id = old.tenant_id AND include_test = old.include_test AND business_day = old.business_day AND currency = old.currency;
END;
