CREATE TABLE `four_eyes_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`order_id` integer,
	`merchant_id` integer,
	`channel_id` integer,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text NOT NULL,
	`request_key` text,
	`requested_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	`posting_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `four_eyes_requests_status` ON `four_eyes_requests` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `four_eyes_requests_order` ON `four_eyes_requests` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `four_eyes_requests_key` ON `four_eyes_requests` (`tenant_id`,`kind`,`request_key`);--> statement-breakpoint
CREATE TABLE `four_eyes_rules` (
	`tenant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`currency` text NOT NULL,
	`threshold_minor` integer NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`, `currency`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
