ALTER TABLE "mediators" ADD COLUMN "active_cases" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "completed_cases" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "settled_cases" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "performed_agreements" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "rating_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "upheld_complaints" integer DEFAULT 0 NOT NULL;