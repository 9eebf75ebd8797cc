ALTER TABLE `orders` ADD `sealed_fields` text;--> statement-breakpoint
CREATE INDEX `orders_fields_to_seal` ON `orders` (`id`) WHERE sealed_fields is null and (json_extract(fields, '$.cardNumber') is not null or json_extract(fields, '$.recipientAccount') is not null);--> statement-breakpoint
ALTER TABLE `provider_callbacks` ADD `body_masked` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `provider_callbacks_to_mask` ON `provider_callbacks` (`id`) WHERE body_masked = 0;