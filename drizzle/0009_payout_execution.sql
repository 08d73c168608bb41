CREATE TYPE "public"."payout_discrepancy_kind" AS ENUM('unknown_transfer', 'amount_mismatch', 'duplicate_transfer', 'missing_transfer');--> statement-breakpoint
CREATE TABLE "payout_discrepancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"payout_id" uuid,
	"kind" "payout_discrepancy_kind" NOT NULL,
	"stripe_transfer_id" text NOT NULL,
	"amount" bigint,
	"currency" char(3),
	"expected_amount" bigint,
	"expected_currency" char(3),
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "halt_code" text;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "halt_detail" jsonb;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "halted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "reconciled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payout_discrepancies" ADD CONSTRAINT "payout_discrepancies_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_discrepancies" ADD CONSTRAINT "payout_discrepancies_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_discrepancies" ADD CONSTRAINT "payout_discrepancies_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_discrepancies_transfer_kind_key" ON "payout_discrepancies" USING btree ("stripe_transfer_id","kind");--> statement-breakpoint
CREATE INDEX "payout_discrepancies_run_idx" ON "payout_discrepancies" USING btree ("run_id","created_at");