CREATE TABLE `dispute_evidence` (
	`id` integer PRIMARY KEY NOT NULL,
	`dispute_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_evidence_dispute` ON `dispute_evidence` (`dispute_id`);--> statement-breakpoint
CREATE TABLE `dispute_waybills` (
	`dispute_id` integer NOT NULL,
	`waybill_id` integer NOT NULL,
	`attached_at` integer NOT NULL,
	PRIMARY KEY(`dispute_id`, `waybill_id`),
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`waybill_id`) REFERENCES `waybills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_waybills_waybill` ON `dispute_waybills` (`waybill_id`);--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`dispute_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`currency` text NOT NULL,
	`kind` text NOT NULL,
	`reason_code` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer NOT NULL,
	`evidence_due_at` integer NOT NULL,
	`status` text NOT NULL,
	`is_test` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disputes_dispute_no` ON `disputes` (`dispute_no`);--> statement-breakpoint
CREATE INDEX `disputes_order` ON `disputes` (`order_id`);--> statement-breakpoint
CREATE INDEX `disputes_merchant_created` ON `disputes` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `disputes_status_due` ON `disputes` (`status`,`evidence_due_at`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`refund_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`upstream_no` text,
	`is_test` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finalized_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_refund_no` ON `refunds` (`refund_no`);--> statement-breakpoint
CREATE INDEX `refunds_order` ON `refunds` (`order_id`);--> statement-breakpoint
CREATE INDEX `refunds_merchant_created` ON `refunds` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `refunds_status` ON `refunds` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `waybills` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	`carrier` text NOT NULL,
	`tracking_no` text NOT NULL,
	`shipped_at` integer NOT NULL,
	`status` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_carrier_tracking` ON `waybills` (`carrier`,`tracking_no`);--> statement-breakpoint
CREATE INDEX `waybills_order` ON `waybills` (`order_id`);--> statement-breakpoint
CREATE INDEX `waybills_merchant_created` ON `waybills` (`merchant_id`,`created_at`);