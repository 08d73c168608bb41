import { sql } from "drizzle-orm";
import { bigint, char, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The vendor's program settings: exactly one row (id = 1). */
export const programSettings = pgTable(
  "program_settings",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    attributionWindowDays: integer("attribution_window_days").notNull(),
    holdPeriodDays: integer("hold_period_days").notNull(),
    minimumPayoutMinor: bigint("minimum_payout_minor", { mode: "bigint" }).notNull(),
    leadProtectionDays: integer("lead_protection_days").notNull(),
    leadExpiryDays: integer("lead_expiry_days").notNull(),
    /** Registrations one partner may make in 24 hours, against abuse. */
    leadDailyLimit: integer("lead_daily_limit").notNull().default(25),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check("program_settings_single_row", sql`${t.id} = 1`),
    check("program_settings_minimum_payout_nonnegative", sql`${t.minimumPayoutMinor} >= 0`),
  ],
);
