-- Notes and assignments on a reconciliation break follow it into later runs as its decisions do:
-- the events written before carry their break's identity from now on.
UPDATE `recon_break_events` SET `identity` = (SELECT `b`.`identity` FROM `recon_breaks` `b` WHERE `b`.`id` = `recon_break_events`.`break_id`) WHERE `identity` IS NULL;
