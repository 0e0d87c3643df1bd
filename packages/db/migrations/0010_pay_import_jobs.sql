CREATE TABLE "pay_import_jobs" (
	"tenant_id" integer NOT NULL,
	"id" text NOT NULL,
	"user_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"phase" text DEFAULT 'waiting' NOT NULL,
	"phases" jsonb DEFAULT '["waiting"]'::jsonb NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"total_bytes" bigint,
	"report" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pay_import_jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "pay_import_jobs" ADD CONSTRAINT "pay_import_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pay_import_jobs_created_idx" ON "pay_import_jobs" USING btree ("created_at");