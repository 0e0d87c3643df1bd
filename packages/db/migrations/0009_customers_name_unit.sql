DROP INDEX "customers_name_idx";--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("tenant_id",("name" collate "C"),"id","org_unit_id");