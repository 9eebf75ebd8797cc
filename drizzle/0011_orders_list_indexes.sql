CREATE INDEX `orders_list_created` ON `orders` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_list_merchant` ON `orders` (`tenant_id`,`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_list_channel` ON `orders` (`tenant_id`,`channel_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_list_status` ON `orders` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_list_direction` ON `orders` (`tenant_id`,`direction`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_list_test` ON `orders` (`tenant_id`,`is_test`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_merchant_order_lookup` ON `orders` (`tenant_id`,`merchant_order_no`);