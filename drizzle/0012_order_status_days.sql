CREATE TABLE `order_status_days` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`order_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_status_days_status` ON `order_status_days` (`tenant_id`,`include_test`,`status`,`direction`,`business_day`);--> statement-breakpoint
CREATE INDEX `order_status_days_direction` ON `order_status_days` (`tenant_id`,`include_test`,`direction`,`business_day`);--> statement-breakpoint
CREATE TABLE `order_status_merchant_days` (
	`id` integer PRIMARY KEY NOT NULL,
	`merchant_id` integer NOT NULL,
	`tenant_id` integer NOT NULL,
	`include_test` integer NOT NULL,
	`business_day` integer NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`order_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_status_merchant_days_status` ON `order_status_merchant_days` (`tenant_id`,`include_test`,`merchant_id`,`status`,`direction`,`business_day`);--> statement-breakpoint
CREATE INDEX `order_status_merchant_days_direction` ON `order_status_merchant_days` (`tenant_id`,`include_test`,`merchant_id`,`direction`,`business_day`);--> statement-breakpoint

INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count)
  SELECT tenant_id, 1, business_day, direction, status, count(*) FROM `orders` GROUP BY tenant_id, business_day, direction, status;
--> statement-breakpoint
INSERT INTO `order_status_merchant_days` (tenant_id, include_test, merchant_id, business_day, direction, status, order_count)
  SELECT tenant_id, 1, merchant_id, business_day, direction, status, count(*) FROM `orders` GROUP BY tenant_id, merchant_id, business_day, direction, status;
--> statement-breakpoint
INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count)
  SELECT tenant_id, 0, business_day, direction, status, count(*) FROM `orders` WHERE is_test = 0 GROUP BY tenant_id, business_day, direction, status;
--> statement-breakpoint
INSERT INTO `order_status_merchant_days` (tenant_id, include_test, merchant_id, business_day, direction, status, order_count)
  SELECT tenant_id, 0, merchant_id, business_day, direction, status, count(*) FROM `orders` WHERE is_test = 0 GROUP BY tenant_id, merchant_id, business_day, direction, status;
--> statement-breakpoint
CREATE TRIGGER `orders_status_days_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count) SELECT new.tenant_id, 1, new.business_day, new.direction, new.status, 1 WHERE true
    ON CONFLICT (tenant_id, include_test, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count) SELECT new.tenant_id, 0, new.business_day, new.direction, new.status, 1 WHERE new.is_test = 0
    ON CONFLICT (tenant_id, include_test, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_merchant_days` (tenant_id, include_test, business_day, direction, status, order_count, merchant_id) SELECT new.tenant_id, 1, new.business_day, new.direction, new.status, 1, new.merchant_id WHERE true
    ON CONFLICT (tenant_id, include_test, merchant_id, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_merchant_days` (tenant_id, include_test, business_day, direction, status, order_count, merchant_id) SELECT new.tenant_id, 0, new.business_day, new.direction, new.status, 1, new.merchant_id WHERE new.is_test = 0
    ON CONFLICT (tenant_id, include_test, merchant_id, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_status_days_update` AFTER UPDATE OF tenant_id, is_test, business_day, merchant_id, direction, status ON `orders`
WHEN old.tenant_id IS NOT new.tenant_id OR old.is_test IS NOT new.is_test OR old.business_day IS NOT new.business_day OR old.merchant_id IS NOT new.merchant_id OR old.direction IS NOT new.direction OR old.status IS NOT new.status BEGIN
  UPDATE `order_status_days` SET order_count = order_count - 1
    WHERE tenant_id = old.tenant_id AND include_test >= old.is_test AND status = old.status AND direction = old.direction AND business_day = old.business_day;
  UPDATE `order_status_merchant_days` SET order_count = order_count - 1
    WHERE tenant_id = old.tenant_id AND include_test >= old.is_test AND merchant_id = old.merchant_id AND status = old.status AND direction = old.direction AND business_day = old.business_day;
  INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count) SELECT new.tenant_id, 1, new.business_day, new.direction, new.status, 1 WHERE true
    ON CONFLICT (tenant_id, include_test, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_days` (tenant_id, include_test, business_day, direction, status, order_count) SELECT new.tenant_id, 0, new.business_day, new.direction, new.status, 1 WHERE new.is_test = 0
    ON CONFLICT (tenant_id, include_test, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_merchant_days` (tenant_id, include_test, business_day, direction, status, order_count, merchant_id) SELECT new.tenant_id, 1, new.business_day, new.direction, new.status, 1, new.merchant_id WHERE true
    ON CONFLICT (tenant_id, include_test, merchant_id, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
  INSERT INTO `order_status_merchant_days` (tenant_id, include_test, business_day, direction, status, order_count, merchant_id) SELECT new.tenant_id, 0, new.business_day, new.direction, new.status, 1, new.merchant_id WHERE new.is_test = 0
    ON CONFLICT (tenant_id, include_test, merchant_id, status, direction, business_day) DO UPDATE SET order_count = order_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_status_days_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE `order_status_days` SET order_count = order_count - 1
    WHERE tenant_id = old.tenant_id AND include_test >= old.is_test AND status = old.status AND direction = old.direction AND business_day = old.business_day;
  UPDATE `order_status_merchant_days` SET order_count = order_count - 1
    WHERE tenant_id = old.tenant_id AND include_test >= old.is_test AND merchant_id = old.merchant_id AND status = old.status AND direction = old.direction AND business_day = old.business_day;
END;
