CREATE TYPE "public"."adjustment_status" AS ENUM('proposed', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."ledger_source" AS ENUM('deal', 'bonus', 'subscription', 'adjustment', 'clawback');--> statement-breakpoint
CREATE TYPE "public"."ledger_state" AS ENUM('pending', 'payable', 'in_payout', 'paid', 'voided');--> statement-breakpoint
CREATE TYPE "public"."plan_base_kind" AS ENUM('percent', 'flat');--> statement-breakpoint
CREATE TYPE "public"."tier_change_cause" AS ENUM('recompute', 'override', 'override_ended');--> statement-breakpoint
CREATE TABLE "bonus_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" "plan_base_kind" NOT NULL,
	"rate_bps" integer,
	"flat_minor" bigint,
	"currency" char(3),
	"tier_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"product_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "bonus_campaigns_window" CHECK ("bonus_campaigns"."ends_at" > "bonus_campaigns"."starts_at"),
	CONSTRAINT "bonus_campaigns_shape" CHECK (("bonus_campaigns"."kind" = 'percent' and "bonus_campaigns"."rate_bps" between 1 and 10000 and "bonus_campaigns"."flat_minor" is null)
        or ("bonus_campaigns"."kind" = 'flat' and "bonus_campaigns"."flat_minor" > 0 and "bonus_campaigns"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "commission_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "adjustment_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "commission_adjustments_nonzero" CHECK ("commission_adjustments"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "commission_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"base_kind" "plan_base_kind" NOT NULL,
	"base_rate_bps" integer,
	"base_flat_minor" bigint,
	"base_flat_currency" char(3),
	"recurring_months" integer DEFAULT 12 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_plan_versions_base_shape" CHECK (("commission_plan_versions"."base_kind" = 'percent' and "commission_plan_versions"."base_rate_bps" between 0 and 10000 and "commission_plan_versions"."base_flat_minor" is null)
        or ("commission_plan_versions"."base_kind" = 'flat' and "commission_plan_versions"."base_flat_minor" >= 0 and "commission_plan_versions"."base_flat_currency" is not null)),
	CONSTRAINT "commission_plan_versions_recurring_months" CHECK ("commission_plan_versions"."recurring_months" between 0 and 120)
);
--> statement-breakpoint
CREATE TABLE "commission_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"partner_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"state" "ledger_state" NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_balances_partner_id_asset_state_pk" PRIMARY KEY("partner_id","asset","state")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"amount" bigint NOT NULL,
	"source" "ledger_source" NOT NULL,
	"state" "ledger_state" NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"event_key" text NOT NULL,
	"lead_id" uuid,
	"deal_revision" integer,
	"campaign_id" uuid,
	"adjustment_id" uuid,
	"reverses_entry_id" uuid,
	"plan_version_id" uuid,
	"tier_id" uuid,
	"rate_bps" integer,
	"flat_minor" bigint,
	"base_amount_minor" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_plans" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_product_rates" (
	"version_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"rate_bps" integer NOT NULL,
	CONSTRAINT "plan_product_rates_version_id_product_id_pk" PRIMARY KEY("version_id","product_id"),
	CONSTRAINT "plan_product_rates_rate" CHECK ("plan_product_rates"."rate_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "plan_tier_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"rate_bps" integer NOT NULL,
	"min_revenue_minor" bigint,
	"min_won_deals" integer,
	"perks" text,
	CONSTRAINT "plan_tier_rules_rate" CHECK ("plan_tier_rules"."rate_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "tier_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"from_tier_id" uuid,
	"to_tier_id" uuid NOT NULL,
	"cause" "tier_change_cause" NOT NULL,
	"revenue_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"won_deals" integer NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "deal_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bonus_campaigns" ADD CONSTRAINT "bonus_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_adjustments" ADD CONSTRAINT "commission_adjustments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_adjustments" ADD CONSTRAINT "commission_adjustments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_adjustments" ADD CONSTRAINT "commission_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_plan_versions" ADD CONSTRAINT "commission_plan_versions_plan_id_commission_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."commission_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_plan_versions" ADD CONSTRAINT "commission_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_campaign_id_bonus_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."bonus_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_plan_version_id_commission_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."commission_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_plans" ADD CONSTRAINT "partner_plans_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_plans" ADD CONSTRAINT "partner_plans_plan_id_commission_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."commission_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_plans" ADD CONSTRAINT "partner_plans_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_product_rates" ADD CONSTRAINT "plan_product_rates_version_id_commission_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."commission_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_product_rates" ADD CONSTRAINT "plan_product_rates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tier_rules" ADD CONSTRAINT "plan_tier_rules_version_id_commission_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."commission_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tier_rules" ADD CONSTRAINT "plan_tier_rules_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_from_tier_id_tiers_id_fk" FOREIGN KEY ("from_tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_to_tier_id_tiers_id_fk" FOREIGN KEY ("to_tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bonus_campaigns_window_idx" ON "bonus_campaigns" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "commission_adjustments_status_idx" ON "commission_adjustments" USING btree ("status","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plan_versions_plan_version_key" ON "commission_plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plans_name_key" ON "commission_plans" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plans_default_key" ON "commission_plans" USING btree ("is_default") WHERE "commission_plans"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_event_key" ON "ledger_entries" USING btree ("event_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_key" ON "ledger_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_partner_idx" ON "ledger_entries" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_release_idx" ON "ledger_entries" USING btree ("state","available_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_lead_idx" ON "ledger_entries" USING btree ("lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tier_rules_version_tier_key" ON "plan_tier_rules" USING btree ("version_id","tier_id");--> statement-breakpoint
CREATE INDEX "tier_changes_partner_idx" ON "tier_changes" USING btree ("partner_id","at");--> statement-breakpoint
CREATE INDEX "tier_overrides_partner_idx" ON "tier_overrides" USING btree ("partner_id","ends_at");