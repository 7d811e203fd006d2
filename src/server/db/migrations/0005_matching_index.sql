ALTER TABLE "mediators" ADD COLUMN "base_score" double precision GENERATED ALWAYS AS (0.2 * greatest(0, 1 - active_cases::float8 / greatest(capacity, 1))
          + 0.1 * least(completed_cases, 50)::float8 / 50
          + 0.15 * (settled_cases + 1)::float8 / (completed_cases + 2)
          + 0.1 * (rating_sum - rating_count + 10)::float8 / (4 * (rating_count + 5))
          - least(upheld_complaints * 0.05, 0.2)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "mediators_listed_base_score_idx" ON "mediators" USING btree ("base_score" DESC NULLS LAST,"active_cases","id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "mediators_listed_record_idx" ON "mediators" USING btree ("completed_cases" DESC NULLS LAST,"id") WHERE status = 'approved';