CREATE TABLE "agreement_approvals" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"signer" text NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_approvals_agreement_id_version_signer_pk" PRIMARY KEY("agreement_id","version","signer")
);
--> statement-breakpoint
CREATE TABLE "agreement_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"author_as" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_filing_consents" (
	"filing_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_filing_consents_filing_id_party_id_pk" PRIMARY KEY("filing_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"court_id" uuid,
	"court_case_number" text,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"filed_at" timestamp with time zone,
	"package_blob" text,
	"package_sha256" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"ruling_number" text,
	"ruling_date" text,
	"refusal_reason" text,
	"state_fee_tiyn" integer,
	"refund_tiyn" integer,
	CONSTRAINT "agreement_filings_agreement_id_unique" UNIQUE("agreement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"signer" text NOT NULL,
	"user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"kind" text NOT NULL,
	"common_name" text,
	"iin" text,
	"bin" text,
	"certificate_serial" text NOT NULL,
	"certificate_fingerprint" text NOT NULL,
	"signing_time" timestamp with time zone,
	"cms" "bytea" NOT NULL,
	"revision_sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"draft" "bytea" NOT NULL,
	"hash" text NOT NULL,
	"layout" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_as" text NOT NULL,
	"note" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_versions_agreement_id_number_pk" PRIMARY KEY("agreement_id","number")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text NOT NULL,
	"latest_version" integer NOT NULL,
	"frozen_version" integer,
	"frozen_at" timestamp with time zone,
	"pdf_blob" text,
	"pdf_sha256" text,
	"pdf_length" integer,
	"signed_pdf_blob" text,
	"signed_pdf_sha256" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "filing_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"error" text,
	"due_at" timestamp with time zone NOT NULL,
	"attempted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_certificates" (
	"serial_hex" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"der" "bytea" NOT NULL,
	"spki_sha256" text NOT NULL,
	"fingerprint" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filing_consents" ADD CONSTRAINT "agreement_filing_consents_filing_id_agreement_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."agreement_filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filing_consents" ADD CONSTRAINT "agreement_filing_consents_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filing_consents" ADD CONSTRAINT "agreement_filing_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filings" ADD CONSTRAINT "agreement_filings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filings" ADD CONSTRAINT "agreement_filings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filings" ADD CONSTRAINT "agreement_filings_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filings" ADD CONSTRAINT "agreement_filings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_filings" ADD CONSTRAINT "agreement_filings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_deliveries" ADD CONSTRAINT "filing_deliveries_filing_id_agreement_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."agreement_filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_certificates" ADD CONSTRAINT "platform_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_filings_court_idx" ON "agreement_filings" USING btree ("court_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_signer" ON "agreement_signatures" USING btree ("agreement_id","signer");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_position" ON "agreement_signatures" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "agreement_signatures_revision_idx" ON "agreement_signatures" USING btree ("revision_sha256");--> statement-breakpoint
CREATE INDEX "agreement_versions_hash_idx" ON "agreement_versions" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "filing_deliveries_filing_idx" ON "filing_deliveries" USING btree ("filing_id","attempt");--> statement-breakpoint
CREATE INDEX "filing_deliveries_due_idx" ON "filing_deliveries" USING btree ("due_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "platform_certificates_user_idx" ON "platform_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_certificates_fp" ON "platform_certificates" USING btree ("fingerprint");