import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { partners } from "./partners";

/** Where won revenue comes from: a won deal (a lead), or a referred customer's payment. */
export const wonRevenueSource = pgEnum("won_revenue_source", ["deal", "referral"]);

/**
 * Won revenue: what tier numbers are measured on, fed by every fact that wins revenue for a
 * partner (a won deal today, a referred customer's paid invoice next). One row per revision of a
 * source: a win is revision 0, each correction of its amount a new revision. A row stops counting
 * when it is marked reversed (the deal was corrected again, lost, or the payment refunded); rows
 * are never deleted, so the history of what counted, and until when, stays.
 */
export const wonRevenue = pgTable(
  "won_revenue",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    sourceKind: wonRevenueSource("source_kind").notNull(),
    /** The source's own id: the lead's id for a deal, the payment's reference for a referral. */
    sourceRef: text("source_ref").notNull(),
    /** 0 for the first amount; each correction adds one. */
    revision: integer("revision").notNull().default(0),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    /** When the revenue was won (a correction keeps the win's date). */
    wonAt: timestamp("won_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Set when this revision stops counting; null while it stands. */
    reversedAt: timestamp("reversed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("won_revenue_source_key").on(t.sourceKind, t.sourceRef, t.revision),
    // The standing revenue of a partner over a window, and of every partner at once (the nightly run), from the index alone.
    index("won_revenue_standing_idx")
      .on(t.partnerId, t.wonAt, t.currency, t.amountMinor, t.sourceKind)
      .where(sql`${t.reversedAt} is null`),
    check("won_revenue_amount", sql`${t.amountMinor} >= 0`),
    check("won_revenue_revision", sql`${t.revision} >= 0`),
  ],
);
