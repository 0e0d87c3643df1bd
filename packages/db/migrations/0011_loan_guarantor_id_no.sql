ALTER TABLE "loan_guarantors" ADD COLUMN "id_no" text;--> statement-breakpoint
CREATE UNIQUE INDEX "loan_guarantors_id_no_uq" ON "loan_guarantors" USING btree ("tenant_id","loan_id","id_no");