CREATE TABLE `payment_exceptions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`callback_id` integer,
	`report_key` text NOT NULL,
	`reported` text NOT NULL,
	`reason` text NOT NULL,
	`reason_text` text NOT NULL,
	`currency` text NOT NULL,
	`held_minor` integer DEFAULT 0 NOT NULL,
	`held_posting_id` integer,
	`status` text NOT NULL,
	`resolution` text,
	`resolution_note` text,
	`adjustment_id` integer,
	`resolved_posting_id` integer,
	`resolved_by` integer,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_exceptions_report` ON `payment_exceptions` (`tenant_id`,`report_key`);--> statement-breakpoint
CREATE INDEX `payment_exceptions_order` ON `payment_exceptions` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_exceptions_status` ON `payment_exceptions` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `payment_exceptions_adjustment` ON `payment_exceptions` (`adjustment_id`);--> statement-breakpoint
ALTER TABLE `provider_callbacks` ADD `reported_amount` text;--> statement-breakpoint
ALTER TABLE `provider_callbacks` ADD `reported_currency` text;--> statement-breakpoint
ALTER TABLE `provider_callbacks` ADD `apply_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `provider_callbacks` ADD `next_apply_at` integer;