-- A break open again after its accept-theirs request was rejected or withdrawn was written as a
-- note: it is its own action now. Only those outcomes write these texts with the note's action (an
-- approval writes them as `resolved`).
UPDATE `recon_break_events` SET `action` = 'reopened'
WHERE `action` = 'annotated' AND json_extract(`text`, '$.code') IN ('recon.adjustmentDecided', 'recon.markDecided', 'recon.markWithdrawn', 'recon.requestWithdrawn');
