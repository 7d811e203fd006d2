CREATE TABLE "case_interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"iin" text NOT NULL,
	"languages" text[] NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"iin" text NOT NULL,
	"power_of_attorney" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_interpreters" ADD CONSTRAINT "case_interpreters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interpreters" ADD CONSTRAINT "case_interpreters_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interpreters" ADD CONSTRAINT "case_interpreters_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_representatives" ADD CONSTRAINT "case_representatives_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_representatives" ADD CONSTRAINT "case_representatives_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_representatives" ADD CONSTRAINT "case_representatives_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_representatives" ADD CONSTRAINT "case_representatives_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_interpreters_case_idx" ON "case_interpreters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_interpreters_iin_idx" ON "case_interpreters" USING btree ("iin") WHERE removed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_interpreters_current" ON "case_interpreters" USING btree ("case_id","iin") WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX "case_representatives_case_idx" ON "case_representatives" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_representatives_current" ON "case_representatives" USING btree ("party_id") WHERE removed_at is null;