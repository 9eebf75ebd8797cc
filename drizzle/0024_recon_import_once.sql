DROP INDEX `recon_lines_order_no`;--> statement-breakpoint
DROP INDEX `recon_lines_upstream_no`;--> statement-breakpoint
DROP INDEX `recon_breaks_cause`;--> statement-breakpoint
CREATE INDEX `recon_breaks_any_status` ON `recon_breaks` (`run_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `recon_breaks_cause` ON `recon_breaks` (`run_id`,`cause_key`,`status`,`at`,`id`);--> statement-breakpoint
ALTER TABLE `recon_statements` ADD `report` text;--> statement-breakpoint
CREATE INDEX `refunds_upstream_no` ON `refunds` (`upstream_no`);