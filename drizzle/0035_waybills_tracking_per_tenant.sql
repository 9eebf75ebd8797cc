-- A carrier's tracking number is unique within a tenant, not across tenants: one tenant's waybill
-- no longer blocks another's of the same parcel. The new index only loosens the old one (the tenant
-- is added to its columns), so every database that met the old one meets this one.
DROP INDEX `waybills_carrier_tracking`;--> statement-breakpoint
CREATE UNIQUE INDEX `waybills_tenant_carrier_tracking` ON `waybills` (`tenant_id`,`carrier`,`tracking_no`);
