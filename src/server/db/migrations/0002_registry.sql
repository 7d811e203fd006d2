CREATE SEQUENCE "public"."mediator_registry_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ethics_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"complainant_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reasons" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mediator_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"blob_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"bin" text NOT NULL,
	"region" text NOT NULL,
	"website" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediator_organisations_bin_unique" UNIQUE("bin")
);
--> statement-breakpoint
CREATE TABLE "mediator_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"hours" integer NOT NULL,
	"completed_on" date NOT NULL,
	"document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mediators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"registry_number" text,
	"organisation_id" uuid,
	"akimat" text,
	"community" text,
	"elected_on" date,
	"birth_date" date NOT NULL,
	"higher_education" boolean NOT NULL,
	"education" text,
	"categories" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"remote" boolean NOT NULL,
	"in_person" boolean NOT NULL,
	"address" text,
	"fee_type" text NOT NULL,
	"fee_amount_kzt" integer,
	"capacity" integer DEFAULT 10 NOT NULL,
	"bio" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediators_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "mediators_registry_number_unique" UNIQUE("registry_number")
);
--> statement-breakpoint
ALTER TABLE "ethics_complaints" ADD CONSTRAINT "ethics_complaints_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ethics_complaints" ADD CONSTRAINT "ethics_complaints_complainant_id_users_id_fk" FOREIGN KEY ("complainant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ethics_complaints" ADD CONSTRAINT "ethics_complaints_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_documents" ADD CONSTRAINT "mediator_documents_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_documents" ADD CONSTRAINT "mediator_documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_organisations" ADD CONSTRAINT "mediator_organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_trainings" ADD CONSTRAINT "mediator_trainings_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_organisation_id_mediator_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."mediator_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ethics_complaints_mediator_idx" ON "ethics_complaints" USING btree ("mediator_id","status");--> statement-breakpoint
CREATE INDEX "mediator_documents_mediator_idx" ON "mediator_documents" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediator_trainings_mediator_idx" ON "mediator_trainings" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediators_status_idx" ON "mediators" USING btree ("status");--> statement-breakpoint
CREATE INDEX "mediators_languages_idx" ON "mediators" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "mediators_regions_idx" ON "mediators" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "mediators_categories_idx" ON "mediators" USING gin ("categories");