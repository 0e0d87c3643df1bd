DROP INDEX "assignments_staff_idx";--> statement-breakpoint
CREATE INDEX "assignments_staff_idx" ON "customer_assignments" USING btree ("tenant_id","staff_id","customer_id","valid_from","valid_to");