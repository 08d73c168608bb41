CREATE TYPE "public"."payout_schedule" AS ENUM('manual', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."payout_exclusion_reason" AS ENUM('below_minimum', 'not_onboarded', 'tax_missing', 'suspended', 'negative_balance');--> statement-breakpoint
CREATE TYPE "public"."payout_method" AS ENUM('stripe', 'bank');--> statement-breakpoint
CREATE TYPE "public"."payout_onboarding_state" AS ENUM('not_started', 'details_needed', 'pending_verification', 'enabled', 'restricted');--> statement-breakpoint
CREATE TYPE "public"."payout_run_origin" AS ENUM('manual', 'schedule');--> statement-breakpoint
CREATE TYPE "public"."payout_run_status" AS ENUM('draft', 'approved', 'executing', 'completed', 'partly_failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."payout_state" AS ENUM('queued', 'processing', 'paid', 'failed', 'reversed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."tax_form_type" AS ENUM('w9', 'w8ben', 'w8bene', 'other');--> statement-breakpoint
CREATE TABLE "payout_accounts" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"method" "payout_method" DEFAULT 'stripe' NOT NULL,
	"stripe_account_id" text,
	"onboarding_state" "payout_onboarding_state" DEFAULT 'not_started' NOT NULL,
	"currently_due" text[] DEFAULT '{}'::text[] NOT NULL,
	"current_deadline" timestamp with time zone,
	"disabled_reason" text,
	"stripe_synced_at" timestamp with time zone,
	"bank_account_holder" text,
	"bank_iban" text,
	"bank_account_number" text,
	"bank_routing_code" text,
	"bank_name" text,
	"bank_country" text,
	"bank_updated_at" timestamp with time zone,
	"tax_form_type" "tax_form_type",
	"tax_id" text,
	"tax_form_file" text,
	"tax_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_accounts_bank_shape" CHECK ("payout_accounts"."bank_account_holder" is null or "payout_accounts"."bank_iban" is not null or "payout_accounts"."bank_account_number" is not null)
);
--> statement-breakpoint
CREATE TABLE "payout_exclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"reason" "payout_exclusion_reason" NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_items" (
	"payout_id" uuid NOT NULL,
	"ledger_entry_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "payout_items_payout_id_ledger_entry_id_pk" PRIMARY KEY("payout_id","ledger_entry_id")
);
--> statement-breakpoint
CREATE TABLE "payout_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cutoff" date NOT NULL,
	"status" "payout_run_status" DEFAULT 'draft' NOT NULL,
	"created_via" "payout_run_origin" DEFAULT 'manual' NOT NULL,
	"period" text,
	"transfer_group" text GENERATED ALWAYS AS (id::text) STORED NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_runs_second_approver" CHECK ("payout_runs"."approved_by" is null or "payout_runs"."approved_by" is distinct from "payout_runs"."created_by")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount" bigint NOT NULL,
	"method" "payout_method" NOT NULL,
	"state" "payout_state" DEFAULT 'queued' NOT NULL,
	"failure_code" text,
	"failure_message" text,
	"stripe_transfer_id" text,
	"bank_reference" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."amount" > 0),
	CONSTRAINT "payouts_attempts" CHECK ("payouts"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"outcome" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "payout_schedule" "payout_schedule" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "payout_day_of_month" integer;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "bank_payouts_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "tax_details_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_exclusions" ADD CONSTRAINT "payout_exclusions_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_exclusions" ADD CONSTRAINT "payout_exclusions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_accounts_stripe_account_key" ON "payout_accounts" USING btree ("stripe_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_exclusions_run_partner_currency_key" ON "payout_exclusions" USING btree ("run_id","partner_id","currency");--> statement-breakpoint
CREATE INDEX "payout_exclusions_partner_idx" ON "payout_exclusions" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_items_live_entry_key" ON "payout_items" USING btree ("ledger_entry_id") WHERE "payout_items"."released_at" is null;--> statement-breakpoint
CREATE INDEX "payout_runs_created_idx" ON "payout_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payout_runs_status_idx" ON "payout_runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_runs_period_key" ON "payout_runs" USING btree ("period") WHERE "payout_runs"."created_via" = 'schedule';--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_run_partner_currency_key" ON "payouts" USING btree ("run_id","partner_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_stripe_transfer_key" ON "payouts" USING btree ("stripe_transfer_id");--> statement-breakpoint
CREATE INDEX "payouts_partner_idx" ON "payouts" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "payouts_run_state_idx" ON "payouts" USING btree ("run_id","state");--> statement-breakpoint
CREATE INDEX "stripe_events_type_idx" ON "stripe_events" USING btree ("type","received_at");--> statement-breakpoint
CREATE INDEX "stripe_events_unhandled_idx" ON "stripe_events" USING btree ("received_at") WHERE "stripe_events"."handled_at" is null;--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_payout_day" CHECK (("program_settings"."payout_day_of_month" is null or "program_settings"."payout_day_of_month" between 1 and 28)
        and ("program_settings"."payout_schedule" = 'manual' or "program_settings"."payout_day_of_month" is not null));