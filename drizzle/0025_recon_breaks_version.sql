ALTER TABLE `recon_runs` ADD `breaks_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `recon_breaks_version_insert` AFTER INSERT ON `recon_breaks` BEGIN
  UPDATE `recon_runs` SET breaks_version = breaks_version + 1 WHERE id = new.run_id;
END;
--> statement-breakpoint
CREATE TRIGGER `recon_breaks_version_update` AFTER UPDATE ON `recon_breaks` BEGIN
  UPDATE `recon_runs` SET breaks_version = breaks_version + 1 WHERE id IN (old.run_id, new.run_id);
END;
--> statement-breakpoint
CREATE TRIGGER `recon_breaks_version_delete` AFTER DELETE ON `recon_breaks` BEGIN
  UPDATE `recon_runs` SET breaks_version = breaks_version + 1 WHERE id = old.run_id;
END;
