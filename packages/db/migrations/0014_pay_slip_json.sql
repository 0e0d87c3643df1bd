ALTER TABLE "pay_lines" ALTER COLUMN "explain" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "pay_slips" ALTER COLUMN "input" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "pay_slips" ALTER COLUMN "trace" SET DATA TYPE json;