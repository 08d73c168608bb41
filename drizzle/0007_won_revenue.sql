CREATE TYPE "public"."won_revenue_source" AS ENUM('deal', 'referral');--> statement-breakpoint
CREATE TABLE "won_revenue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"source_kind" "won_revenue_source" NOT NULL,
	"source_ref" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"won_at" timestamp with time zone NOT NULL,
	"reversed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "won_revenue_amount" CHECK ("won_revenue"."amount_minor" >= 0),
	CONSTRAINT "won_revenue_revision" CHECK ("won_revenue"."revision" >= 0)
);
--> statement-breakpoint
ALTER TABLE "won_revenue" ADD CONSTRAINT "won_revenue_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "won_revenue_source_key" ON "won_revenue" USING btree ("source_kind","source_ref","revision");--> statement-breakpoint
CREATE INDEX "won_revenue_standing_idx" ON "won_revenue" USING btree ("partner_id","won_at","currency","amount_minor","source_kind") WHERE "won_revenue"."reversed_at" is null;--> statement-breakpoint
-- Every deal already won stands as won revenue: its amount as last corrected (its current revision), on the day it was won.
INSERT INTO "won_revenue" ("partner_id", "source_kind", "source_ref", "revision", "amount_minor", "currency", "won_at")
SELECT l."partner_id", 'deal', l."id"::text, l."deal_revision", l."deal_amount_minor", l."deal_currency", l."won_at"
FROM "leads" l
WHERE l."status" = 'won' AND l."won_at" IS NOT NULL AND l."deal_amount_minor" IS NOT NULL AND l."deal_currency" IS NOT NULL
ON CONFLICT DO NOTHING;
