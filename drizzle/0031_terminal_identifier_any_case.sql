CREATE INDEX `terminals_merchant_identifier_key` ON `terminals` (`merchant_id`,lower("identifier"));--> statement-breakpoint
-- A merchant's terminal identifiers are unique whatever their letters' case (T001 = t001). A unique
-- index on lower(identifier) would fail this migration on a database that already holds such twins,
-- and renaming one would break the device that sends it: the twins stay, and these triggers refuse
-- a new one (an insert, or an update that changes the identifier or the merchant), finding it by the
-- index above. Identifiers are ASCII (the contract's pattern), which lower() folds whole.
CREATE TRIGGER `terminals_identifier_any_case_insert` BEFORE INSERT ON `terminals` BEGIN
  SELECT RAISE(ABORT, 'terminals.identifier_taken: the merchant already has this terminal identifier in some letter case')
    FROM `terminals` t WHERE t.merchant_id = new.merchant_id AND lower(t.identifier) = lower(new.identifier);
END;
--> statement-breakpoint
CREATE TRIGGER `terminals_identifier_any_case_update` BEFORE UPDATE OF merchant_id, identifier ON `terminals`
WHEN new.identifier IS NOT old.identifier OR new.merchant_id IS NOT old.merchant_id BEGIN
  SELECT RAISE(ABORT, 'terminals.identifier_taken: the merchant already has this terminal identifier in some letter case')
    FROM `terminals` t WHERE t.merchant_id = new.merchant_id AND lower(t.identifier) = lower(new.identifier) AND t.id <> new.id;
END;
