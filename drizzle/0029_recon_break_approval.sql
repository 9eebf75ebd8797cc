-- A break that accepts theirs by marking its order paid can wait for a second user's approval
-- (four eyes), as one accepted by an adjustment waits for the adjustment's: the break keeps which.
ALTER TABLE `recon_breaks` ADD `approval_id` integer;--> statement-breakpoint
CREATE INDEX `recon_breaks_approval` ON `recon_breaks` (`approval_id`);
