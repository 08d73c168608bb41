import { sql } from "drizzle-orm";
import { boolean, check, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { currencyCode, money, updatedAt } from "../columns";

export const payoutSchedule = pgEnum("payout_schedule", ["manual", "monthly"]);

/** The vendor's program settings: exactly one row (id = 1). */
export const programSettings = pgTable(
  "program_settings",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    currency: currencyCode("currency").notNull(),
    attributionWindowDays: integer("attribution_window_days").notNull(),
    holdPeriodDays: integer("hold_period_days").notNull(),
    minimumPayoutMinor: money("minimum_payout_minor").notNull(),
    leadProtectionDays: integer("lead_protection_days").notNull(),
    leadExpiryDays: integer("lead_expiry_days").notNull(),
    /** Registrations one partner may make in 24 hours, against abuse. */
    leadDailyLimit: integer("lead_daily_limit").notNull().default(25),
    /** manual: finance starts every run; monthly: a draft run is made on `payoutDayOfMonth`. */
    payoutSchedule: payoutSchedule("payout_schedule").notNull().default("manual"),
    payoutDayOfMonth: integer("payout_day_of_month"),
    /** Whether partners may be paid by bank transfer (marked paid by finance) instead of Stripe. */
    bankPayoutsAllowed: boolean("bank_payouts_allowed").notNull().default(false),
    /** Whether a partner needs tax details on file before being paid. */
    taxDetailsRequired: boolean("tax_details_required").notNull().default(false),
    /** How long a newly approved partner's starting tier holds before it can be reviewed down. */
    tierGraceDays: integer("tier_grace_days").notNull().default(90),
    /** Tiers are reviewed (and may go down) on the 1st of every Nth month: 1, 3, 6 or 12. */
    tierReviewMonths: integer("tier_review_months").notNull().default(3),
    /** The vendor's home page: where referral links lead by default, and unknown codes land. */
    websiteUrl: text("website_url"),
    /** Days after a campaign ends within which its MDF claim must be submitted. */
    mdfClaimDeadlineDays: integer("mdf_claim_deadline_days").notNull().default(60),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("program_settings_single_row", sql`${t.id} = 1`),
    check("program_settings_minimum_payout_nonnegative", sql`${t.minimumPayoutMinor} >= 0`),
    check("program_settings_tier_grace", sql`${t.tierGraceDays} between 0 and 730`),
    check("program_settings_tier_review", sql`${t.tierReviewMonths} in (1, 3, 6, 12)`),
    check("program_settings_mdf_claim_deadline", sql`${t.mdfClaimDeadlineDays} between 1 and 365`),
    check(
      "program_settings_payout_day",
      sql`(${t.payoutDayOfMonth} is null or ${t.payoutDayOfMonth} between 1 and 28)
        and (${t.payoutSchedule} = 'manual' or ${t.payoutDayOfMonth} is not null)`,
    ),
  ],
);
