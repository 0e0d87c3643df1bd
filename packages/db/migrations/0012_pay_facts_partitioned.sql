-- pay_facts becomes partitioned by LIST (period_id), one partition per pay period
-- (pay_facts_p<periodId>), created on demand by the first write into a period
-- (packages/db/src/pay-facts.ts). No identity and no primary key: new fact ids are
-- file id * 2^32 + row number, computed by the writer; existing rows keep their ids (all below
-- 2^32, so below every new id). Every fact belongs to a pay_fact_files row, which records its row
-- count and highest fact id: the settlement's watermark is read there instead of from the facts.
ALTER TABLE "pay_fact_files" ADD COLUMN "max_fact_id" bigint;
--> statement-breakpoint
ALTER TABLE "pay_facts" RENAME TO "pay_facts_old";
--> statement-breakpoint
-- Facts written without a file (demo data) become one registered file per period.
INSERT INTO "pay_fact_files" ("tenant_id", "period_id", "sha256", "file_name", "row_count")
SELECT "tenant_id", "period_id", 'unfiled:' || "tenant_id" || ':' || "period_id", '未登记文件的事实 / facts entered without a file', count(*)
FROM "pay_facts_old" WHERE "file_id" IS NULL GROUP BY "tenant_id", "period_id";
--> statement-breakpoint
UPDATE "pay_facts_old" f SET "file_id" = x."id" FROM "pay_fact_files" x
WHERE f."file_id" IS NULL AND x."tenant_id" = f."tenant_id" AND x."period_id" = f."period_id" AND x."sha256" = 'unfiled:' || f."tenant_id" || ':' || f."period_id";
--> statement-breakpoint
UPDATE "pay_fact_files" x SET "max_fact_id" = m."mx", "row_count" = m."n"
FROM (SELECT "tenant_id", "file_id", max("id") AS "mx", count(*)::int AS "n" FROM "pay_facts_old" GROUP BY "tenant_id", "file_id") m
WHERE m."tenant_id" = x."tenant_id" AND m."file_id" = x."id";
--> statement-breakpoint
CREATE TABLE "pay_facts" (
	"tenant_id" integer NOT NULL,
	"id" bigint NOT NULL,
	"period_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"kind" text NOT NULL,
	"sub_kind" text DEFAULT '' NOT NULL,
	"fact_date" date NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"face_value_fen" bigint DEFAULT 0 NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"gifted" boolean DEFAULT false NOT NULL,
	"customer_id" integer,
	"source_ref" text,
	"file_id" integer,
	"note" text DEFAULT '' NOT NULL
) PARTITION BY LIST ("period_id");
--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT "tenant_id", "period_id" FROM "pay_facts_old" LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "pay_facts" (CONSTRAINT %I CHECK ("tenant_id" = %s)) FOR VALUES IN (%s)',
      'pay_facts_p' || r.period_id, 'pay_facts_p' || r.period_id || '_tenant', r.tenant_id, r.period_id);
  END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO "pay_facts" ("tenant_id", "id", "period_id", "staff_id", "kind", "sub_kind", "fact_date", "quantity", "amount_fen", "face_value_fen", "spent_fen", "gifted", "customer_id", "source_ref", "file_id", "note")
SELECT "tenant_id", "id", "period_id", "staff_id", "kind", "sub_kind", "fact_date", "quantity", "amount_fen", "face_value_fen", "spent_fen", "gifted", "customer_id", "source_ref", "file_id", "note"
FROM "pay_facts_old";
--> statement-breakpoint
DROP TABLE "pay_facts_old";
--> statement-breakpoint
CREATE INDEX "pay_facts_staff_idx" ON "pay_facts" USING btree ("staff_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "pay_facts_ref_uq" ON "pay_facts" USING btree ("tenant_id","period_id","source_ref") WHERE "pay_facts"."source_ref" is not null;
