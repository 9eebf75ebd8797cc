CREATE TABLE `outbox_counts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`operation` text NOT NULL,
	`status` text NOT NULL,
	`item_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_counts_key` ON `outbox_counts` (`tenant_id`,`merchant_id`,`status`,`operation`);--> statement-breakpoint
CREATE INDEX `outbox_list_status` ON `outbox` (`status`);--> statement-breakpoint
CREATE INDEX `outbox_list_operation` ON `outbox` (`operation`);--> statement-breakpoint
INSERT INTO `outbox_counts` (tenant_id, merchant_id, operation, status, item_count)
  SELECT o.tenant_id, o.merchant_id, x.operation, x.status, count(*) FROM `outbox` x JOIN `orders` o ON o.id = x.order_id GROUP BY o.tenant_id, o.merchant_id, x.operation, x.status;
--> statement-breakpoint
CREATE TRIGGER `outbox_counts_insert` AFTER INSERT ON `outbox` BEGIN
  INSERT INTO `outbox_counts` (tenant_id, merchant_id, operation, status, item_count)
    SELECT o.tenant_id, o.merchant_id, new.operation, new.status, 1 FROM `orders` o WHERE o.id = new.order_id
    ON CONFLICT (tenant_id, merchant_id, status, operation) DO UPDATE SET item_count = item_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_counts_update` AFTER UPDATE OF order_id, operation, status ON `outbox`
WHEN old.order_id IS NOT new.order_id OR old.operation IS NOT new.operation OR old.status IS NOT new.status BEGIN
  UPDATE `outbox_counts` SET item_count = item_count - 1
    WHERE (tenant_id, merchant_id) = (SELECT o.tenant_id, o.merchant_id FROM `orders` o WHERE o.id = old.order_id) AND status = old.status AND operation = old.operation;
  INSERT INTO `outbox_counts` (tenant_id, merchant_id, operation, status, item_count)
    SELECT o.tenant_id, o.merchant_id, new.operation, new.status, 1 FROM `orders` o WHERE o.id = new.order_id
    ON CONFLICT (tenant_id, merchant_id, status, operation) DO UPDATE SET item_count = item_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_counts_delete` AFTER DELETE ON `outbox` BEGIN
  UPDATE `outbox_counts` SET item_count = item_count - 1
    WHERE (tenant_id, merchant_id) = (SELECT o.tenant_id, o.merchant_id FROM `orders` o WHERE o.id = old.order_id) AND status = old.status AND operation = old.operation;
END;
