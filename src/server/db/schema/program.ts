import { sql } from "drizzle-orm";
import { check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { currencyCode, money, updatedAt } from "../columns";

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
    updatedAt: updatedAt(),
  },
  (t) => [
    check("program_settings_single_row", sql`${t.id} = 1`),
    check("program_settings_minimum_payout_nonnegative", sql`${t.minimumPayoutMinor} >= 0`),
  ],
);
