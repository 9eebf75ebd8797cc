-- Accepting theirs asked for (an adjustment request, a forced result waiting for a second user)
-- was written as a note: it is its own action now. Only those two requests write these texts.
UPDATE `recon_break_events` SET `action` = 'requested'
WHERE `action` = 'annotated' AND json_extract(`text`, '$.code') IN ('recon.acceptedByAdjustment', 'recon.markRequested');
--> statement-breakpoint
-- A fee mismatch held the two fees as its amounts: they move to its detail, and its amounts become
-- each side's gross (their lines compared, our order as a run compares it). SQLite evaluates every
-- SET against the row as it was.
UPDATE `recon_breaks` SET
  `detail` = json_set(`detail`, '$.theirsFeeMinor', `theirs_minor`, '$.oursFeeMinor', `ours_minor`),
  `theirs_minor` = coalesce(
    (SELECT sum(abs(l.`gross_minor`)) FROM `recon_lines` l WHERE l.`id` IN (SELECT value FROM json_each(`recon_breaks`.`detail`, '$.lineIds'))),
    (SELECT abs(l.`gross_minor`) FROM `recon_lines` l WHERE l.`id` = `recon_breaks`.`line_id`)
  ),
  `ours_minor` = (SELECT CASE WHEN o.`direction` = 'deposit' AND o.`paid_minor` IS NOT NULL THEN o.`paid_minor` ELSE o.`amount_minor` END FROM `orders` o WHERE o.`id` = `recon_breaks`.`order_id`)
WHERE `type` = 'fee_mismatch' AND json_type(`detail`, '$.theirsFeeMinor') IS NULL;
