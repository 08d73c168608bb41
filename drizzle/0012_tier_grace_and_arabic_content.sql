ALTER TYPE "public"."tier_change_cause" ADD VALUE 'review';--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "tier_held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "tier_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "program_terms" ADD COLUMN "body_ar" text;--> statement-breakpoint
ALTER TABLE "terms_acceptances" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "tier_grace_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "tier_review_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_ar" text;--> statement-breakpoint
ALTER TABLE "bonus_campaigns" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "bonus_campaigns" ADD COLUMN "description_ar" text;--> statement-breakpoint
ALTER TABLE "plan_tier_rules" ADD COLUMN "perks_ar" text;--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_tier_grace" CHECK ("program_settings"."tier_grace_days" between 0 and 730);--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_tier_review" CHECK ("program_settings"."tier_review_months" in (1, 3, 6, 12));