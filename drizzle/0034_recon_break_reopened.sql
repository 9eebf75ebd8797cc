-- A break open again after its accept-theirs request was rejected or withdrawn was written as a
-- note: it is its own action now. Only those outcomes write these texts with the note's action (an
-- approval writes them as `resolved`).
UPDATE `recon_break_events` SET `action` = 'reopened'
WHERE `action` = 'annotated' AND json_extract(`text`, '$.code') IN ('recon.adjustmentDecided', 'recon.markDecided', 'recon.markWithdrawn', 'recon.requestWithdrawn');
--> statement-breakpoint
-- 0033 gave a refund's fee mismatch no amount of ours (it read an order's): the refund's amount, as a run compares it.
UPDATE `recon_breaks` SET `ours_minor` = (SELECT r.`amount_minor` FROM `refunds` r WHERE r.`id` = `recon_breaks`.`refund_id`)
WHERE `type` = 'fee_mismatch' AND `ours_minor` IS NULL AND `refund_id` IS NOT NULL AND json_type(`detail`, '$.oursFeeMinor') IS NOT NULL;
