CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_type` text NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`summary` text NOT NULL,
	`text` text NOT NULL,
	`detail` text,
	`actor` text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_type`,`case_id`,`at`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `text` text;--> statement-breakpoint
ALTER TABLE `order_events` ADD `text` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `status_reason_text` text;