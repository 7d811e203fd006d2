CREATE SEQUENCE "public"."case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"rule" text
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"full_name" text NOT NULL,
	"iin" text,
	"bin" text,
	"email" text,
	"phone" text,
	"user_id" uuid,
	"representative" jsonb,
	"consent" text DEFAULT 'pending' NOT NULL,
	"consent_at" timestamp with time zone,
	"decline_reason" text,
	"invite_token_hash" text,
	"invited_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"reply_by" date,
	"screened_at" timestamp with time zone,
	"mediator_choice_id" uuid,
	"contract_confirmed_at" timestamp with time zone,
	CONSTRAINT "case_parties_invite_token_hash_unique" UNIQUE("invite_token_hash")
);
--> statement-breakpoint
CREATE TABLE "case_screenings" (
	"party_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"answers" "bytea" NOT NULL,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"category" text,
	"subject" text,
	"description" text,
	"claim_amount_kzt" bigint,
	"region" text,
	"language" text,
	"remote" boolean,
	"wants_public_mediator" boolean,
	"separate_sessions" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"idempotency_key" text,
	"mediator_id" uuid,
	"suggested_mediator_id" uuid,
	"excluded_mediator_ids" uuid[] DEFAULT '{}' NOT NULL,
	"contract" jsonb,
	"contract_hash" text,
	"mediator_confirmed_at" timestamp with time zone,
	"started_on" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"term_ends_on" date,
	"reminded_at_days" smallint,
	"end_reason" text,
	"end_note" text,
	"ended_at" timestamp with time zone,
	"court_id" uuid,
	"court_case_number" text,
	"proceeding" text,
	"stage" text,
	"judge_name" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_number_unique" UNIQUE("number"),
	CONSTRAINT "cases_idempotency_key" UNIQUE("created_by","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"party_id" uuid,
	"conflict" boolean NOT NULL,
	"note" text,
	"declared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediator_ratings_once" UNIQUE("case_id","party_id")
);
--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "court_referrals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mediators" ADD COLUMN "last_referred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_mediator_choice_id_mediators_id_fk" FOREIGN KEY ("mediator_choice_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_screenings" ADD CONSTRAINT "case_screenings_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_screenings" ADD CONSTRAINT "case_screenings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_suggested_mediator_id_mediators_id_fk" FOREIGN KEY ("suggested_mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_ratings" ADD CONSTRAINT "mediator_ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_ratings" ADD CONSTRAINT "mediator_ratings_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_ratings" ADD CONSTRAINT "mediator_ratings_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_parties_user_idx" ON "case_parties" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_parties_pending_idx" ON "case_parties" USING btree ("reply_by") WHERE consent = 'pending' and invited_at is not null;--> statement-breakpoint
CREATE INDEX "cases_mediator_idx" ON "cases" USING btree ("mediator_id","status");--> statement-breakpoint
CREATE INDEX "cases_court_idx" ON "cases" USING btree ("court_id","status");--> statement-breakpoint
CREATE INDEX "cases_term_idx" ON "cases" USING btree ("term_ends_on") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "conflict_declarations_case_idx" ON "conflict_declarations" USING btree ("case_id");