CREATE TYPE "public"."asset_category" AS ENUM('sales_deck', 'case_study', 'datasheet', 'brand', 'social', 'email_template', 'video', 'other');--> statement-breakpoint
CREATE TYPE "public"."asset_kind" AS ENUM('file', 'link', 'cobrand');--> statement-breakpoint
CREATE TYPE "public"."cobrand_placement" AS ENUM('header', 'footer');--> statement-breakpoint
CREATE TYPE "public"."mdf_activity_type" AS ENUM('event', 'webinar', 'digital_ads', 'content', 'email_campaign', 'trade_show', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."mdf_claim_file_kind" AS ENUM('proof', 'invoice');--> statement-breakpoint
CREATE TYPE "public"."mdf_claim_status" AS ENUM('submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."mdf_request_status" AS ENUM('submitted', 'approved', 'rejected', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."ledger_source" ADD VALUE 'mdf';--> statement-breakpoint
CREATE TABLE "asset_downloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"version" integer,
	"partner_id" uuid NOT NULL,
	"user_id" uuid,
	"downloaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "asset_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" "asset_category" NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" "locale",
	"min_tier_id" uuid,
	"expires_at" timestamp with time zone,
	"link_url" text,
	"current_version" integer,
	"download_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "assets_link_shape" CHECK (("assets"."kind" = 'link') = ("assets"."link_url" is not null)),
	CONSTRAINT "assets_download_count_nonnegative" CHECK ("assets"."download_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cobrand_templates" (
	"asset_id" uuid PRIMARY KEY NOT NULL,
	"headline" text NOT NULL,
	"body_markdown" text NOT NULL,
	"headline_ar" text,
	"body_markdown_ar" text,
	"vendor_logo_file_id" uuid,
	"partner_placement" "cobrand_placement" DEFAULT 'footer' NOT NULL,
	"show_partner_logo" boolean DEFAULT true NOT NULL,
	"show_referral_link" boolean DEFAULT true NOT NULL,
	"show_qr_code" boolean DEFAULT true NOT NULL,
	"accent_color" text DEFAULT '#1d4ed8' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cobrand_templates_accent" CHECK ("cobrand_templates"."accent_color" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "mdf_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"tier_id" uuid,
	"partner_id" uuid,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mdf_budgets_quarter" CHECK ("mdf_budgets"."quarter" between 1 and 4),
	CONSTRAINT "mdf_budgets_amount_nonnegative" CHECK ("mdf_budgets"."amount_minor" >= 0),
	CONSTRAINT "mdf_budgets_one_target" CHECK (("mdf_budgets"."tier_id" is null) <> ("mdf_budgets"."partner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "mdf_claim_files" (
	"claim_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" "mdf_claim_file_kind" NOT NULL,
	CONSTRAINT "mdf_claim_files_claim_id_file_id_pk" PRIMARY KEY("claim_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "mdf_claim_leads" (
	"claim_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	CONSTRAINT "mdf_claim_leads_claim_id_lead_id_pk" PRIMARY KEY("claim_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "mdf_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"actual_cost_minor" bigint NOT NULL,
	"claimed_minor" bigint NOT NULL,
	"leads_produced" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" "mdf_claim_status" DEFAULT 'submitted' NOT NULL,
	"approved_minor" bigint,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"ledger_entry_id" uuid,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mdf_claims_amounts" CHECK ("mdf_claims"."claimed_minor" > 0 and "mdf_claims"."actual_cost_minor" >= "mdf_claims"."claimed_minor" and "mdf_claims"."leads_produced" >= 0),
	CONSTRAINT "mdf_claims_approval" CHECK (("mdf_claims"."status" = 'approved') = ("mdf_claims"."approved_minor" is not null)
        and ("mdf_claims"."approved_minor" is null or ("mdf_claims"."approved_minor" > 0 and "mdf_claims"."approved_minor" <= "mdf_claims"."claimed_minor")))
);
--> statement-breakpoint
CREATE TABLE "mdf_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"partner_id" uuid NOT NULL,
	"campaign_name" text NOT NULL,
	"activity_type" "mdf_activity_type" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"total_cost_minor" bigint NOT NULL,
	"requested_minor" bigint NOT NULL,
	"expected_leads" integer DEFAULT 0 NOT NULL,
	"expected_pipeline_minor" bigint DEFAULT 0 NOT NULL,
	"status" "mdf_request_status" DEFAULT 'submitted' NOT NULL,
	"approved_minor" bigint,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mdf_requests_quarter" CHECK ("mdf_requests"."quarter" between 1 and 4),
	CONSTRAINT "mdf_requests_dates" CHECK ("mdf_requests"."ends_on" >= "mdf_requests"."starts_on"),
	CONSTRAINT "mdf_requests_amounts" CHECK ("mdf_requests"."requested_minor" > 0 and "mdf_requests"."total_cost_minor" >= "mdf_requests"."requested_minor" and "mdf_requests"."expected_pipeline_minor" >= 0 and "mdf_requests"."expected_leads" >= 0),
	CONSTRAINT "mdf_requests_approval" CHECK (("mdf_requests"."status" = 'approved') = ("mdf_requests"."approved_minor" is not null)
        and ("mdf_requests"."approved_minor" is null or ("mdf_requests"."approved_minor" > 0 and "mdf_requests"."approved_minor" <= "mdf_requests"."requested_minor")))
);
--> statement-breakpoint
CREATE TABLE "referral_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"code" text NOT NULL,
	"destination_url" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "website_url" text;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "mdf_claim_deadline_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "mdf_claim_id" uuid;--> statement-breakpoint
ALTER TABLE "asset_downloads" ADD CONSTRAINT "asset_downloads_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_downloads" ADD CONSTRAINT "asset_downloads_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_downloads" ADD CONSTRAINT "asset_downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_versions" ADD CONSTRAINT "asset_versions_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_versions" ADD CONSTRAINT "asset_versions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_versions" ADD CONSTRAINT "asset_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_min_tier_id_tiers_id_fk" FOREIGN KEY ("min_tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobrand_templates" ADD CONSTRAINT "cobrand_templates_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobrand_templates" ADD CONSTRAINT "cobrand_templates_vendor_logo_file_id_stored_files_id_fk" FOREIGN KEY ("vendor_logo_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_budgets" ADD CONSTRAINT "mdf_budgets_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_budgets" ADD CONSTRAINT "mdf_budgets_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_budgets" ADD CONSTRAINT "mdf_budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claim_files" ADD CONSTRAINT "mdf_claim_files_claim_id_mdf_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."mdf_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claim_files" ADD CONSTRAINT "mdf_claim_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claim_leads" ADD CONSTRAINT "mdf_claim_leads_claim_id_mdf_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."mdf_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claim_leads" ADD CONSTRAINT "mdf_claim_leads_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claims" ADD CONSTRAINT "mdf_claims_request_id_mdf_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mdf_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claims" ADD CONSTRAINT "mdf_claims_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claims" ADD CONSTRAINT "mdf_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claims" ADD CONSTRAINT "mdf_claims_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_downloads_asset_idx" ON "asset_downloads" USING btree ("asset_id","downloaded_at");--> statement-breakpoint
CREATE INDEX "asset_downloads_partner_idx" ON "asset_downloads" USING btree ("partner_id","downloaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_versions_asset_version_key" ON "asset_versions" USING btree ("asset_id","version");--> statement-breakpoint
CREATE INDEX "assets_category_idx" ON "assets" USING btree ("category");--> statement-breakpoint
CREATE INDEX "assets_min_tier_idx" ON "assets" USING btree ("min_tier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mdf_budgets_tier_key" ON "mdf_budgets" USING btree ("year","quarter","tier_id") WHERE "mdf_budgets"."tier_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mdf_budgets_partner_key" ON "mdf_budgets" USING btree ("year","quarter","partner_id") WHERE "mdf_budgets"."partner_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mdf_claims_one_live" ON "mdf_claims" USING btree ("request_id") WHERE "mdf_claims"."status" in ('submitted', 'approved');--> statement-breakpoint
CREATE INDEX "mdf_claims_status_idx" ON "mdf_claims" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mdf_claims_partner_idx" ON "mdf_claims" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mdf_requests_number_key" ON "mdf_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "mdf_requests_partner_idx" ON "mdf_requests" USING btree ("partner_id","year","quarter");--> statement-breakpoint
CREATE INDEX "mdf_requests_status_idx" ON "mdf_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_code_key" ON "referral_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_one_default" ON "referral_links" USING btree ("partner_id") WHERE "referral_links"."is_default";--> statement-breakpoint
CREATE INDEX "referral_links_partner_idx" ON "referral_links" USING btree ("partner_id");--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_mdf_claim_deadline" CHECK ("program_settings"."mdf_claim_deadline_days" between 1 and 365);