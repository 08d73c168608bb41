import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const partnerType = pgEnum("partner_type", ["referral", "reseller", "affiliate"]);
export const partnerStatus = pgEnum("partner_status", ["applied", "active", "suspended", "rejected"]);
export const partnerRole = pgEnum("partner_role", ["owner", "member"]);

/** Program tiers; the commission engine adds thresholds and rates to these rows. */
export const tiers = pgTable(
  "tiers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** Stable key used in code and translations (registered, silver, gold, platinum). */
    key: text("key").notNull(),
    name: text("name").notNull(),
    /** Order from lowest (0) up. */
    rank: integer("rank").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tiers_key_key").on(t.key), uniqueIndex("tiers_rank_key").on(t.rank)],
);

export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    website: text("website"),
    country: text("country"),
    type: partnerType("type").notNull(),
    status: partnerStatus("status").notNull().default("active"),
    tierId: uuid("tier_id")
      .notNull()
      .references(() => tiers.id),
    managerId: uuid("manager_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("partners_tier_idx").on(t.tierId), index("partners_status_idx").on(t.status)],
);

/** A partner user belongs to exactly one organization. */
export const partnerMemberships = pgTable(
  "partner_memberships",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    role: partnerRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("partner_memberships_partner_idx").on(t.partnerId)],
);
