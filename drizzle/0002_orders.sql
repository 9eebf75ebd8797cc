CREATE TABLE `merchant_notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`url` text NOT NULL,
	`at` integer NOT NULL,
	`response_status` integer,
	`response_body` text,
	`acknowledged` integer NOT NULL,
	`error` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `merchant_notifications_order` ON `merchant_notifications` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_daily_stats` (
	`business_day` integer NOT NULL,
	`tenant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`currency` text NOT NULL,
	`is_test` integer NOT NULL,
	`total_count` integer NOT NULL,
	`success_count` integer NOT NULL,
	`transaction_minor` integer NOT NULL,
	`settle_minor` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`business_day`, `tenant_id`, `contract_id`, `merchant_id`, `currency`, `is_test`)
);
--> statement-breakpoint
CREATE INDEX `order_daily_merchant` ON `order_daily_stats` (`merchant_id`,`business_day`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`detail` text,
	`actor` text DEFAULT 'system' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_events_order` ON `order_events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `order_sequences` (
	`business_day` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`order_no` text NOT NULL,
	`txn_no` integer NOT NULL,
	`merchant_order_no` text NOT NULL,
	`upstream_no` text,
	`direction` text NOT NULL,
	`merchant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`terminal_id` integer,
	`service_type` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`paid_minor` integer,
	`fee_minor` integer DEFAULT 0 NOT NULL,
	`fields` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`is_test` integer DEFAULT false NOT NULL,
	`payment_page` text,
	`sent_at` integer,
	`expires_at` integer,
	`finalized_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`business_day` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_order_no` ON `orders` (`order_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_txn_no` ON `orders` (`txn_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_merchant_order_no` ON `orders` (`merchant_id`,`merchant_order_no`);--> statement-breakpoint
CREATE INDEX `orders_upstream_no` ON `orders` (`upstream_no`);--> statement-breakpoint
CREATE INDEX `orders_merchant_created` ON `orders` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_channel_created` ON `orders` (`channel_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_expires` ON `orders` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`operation` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_order` ON `outbox` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_operation_key` ON `outbox` (`operation`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `provider_callbacks` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel_id` integer NOT NULL,
	`order_id` integer,
	`event_key` text,
	`received_at` integer NOT NULL,
	`signature_valid` integer NOT NULL,
	`outcome` text NOT NULL,
	`reported_status` text,
	`paid_amount` text,
	`upstream_no` text,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_callbacks_event` ON `provider_callbacks` (`channel_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `provider_callbacks_order` ON `provider_callbacks` (`order_id`);--> statement-breakpoint
CREATE TABLE `upstream_exchanges` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`operation` text NOT NULL,
	`url` text NOT NULL,
	`request_body` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`duration_ms` integer NOT NULL,
	`error` text,
	`attempt` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `upstream_exchanges_order` ON `upstream_exchanges` (`order_id`,`at`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `callback_host` text DEFAULT '127.0.0.1' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `callback_port` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `callback_public_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `adapter_config` text;--> statement-breakpoint
ALTER TABLE `channels` ADD `deposit_expiry_minutes` integer DEFAULT 120 NOT NULL;