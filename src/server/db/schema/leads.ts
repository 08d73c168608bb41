import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, currencyCode, id, money, timestamps, timestamptz } from "../columns";
import { partners } from "./partners";
import { users } from "./users";

/** What the vendor sells; a lead names one. Staff keep the catalog; archived products stay on old leads. */
export const products = pgTable(
  "products",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    /** Arabic name and description beside the English ones (optional). */
    nameAr: text("name_ar"),
    descriptionAr: text("description_ar"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("products_name_key").on(sql`lower(${t.name})`)],
);

export const customerSource = pgEnum("customer_source", ["import", "manual", "won_lead", "stripe"]);

/** Companies that already buy from the vendor: a lead for one of them is refused. */
export const customers = pgTable(
  "customers",
  {
    id: id(),
    name: text("name").notNull(),
    /** Normalized company name (see lib/company-name). */
    normalizedName: text("normalized_name").notNull(),
    /** Normalized host, when known. */
    domain: text("domain"),
    source: customerSource("source").notNull(),
    /** The lead that made them a customer, or the id in the system they came from. */
    sourceRef: text("source_ref"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customers_domain_key").on(t.domain),
    index("customers_normalized_name_idx").on(t.normalizedName),
    index("customers_created_idx").on(t.createdAt),
  ],
);

export const leadStatus = pgEnum("lead_status", [
  "submitted",
  "approved",
  "rejected",
  "won",
  "lost",
  "expired",
  "withdrawn",
]);

/** A prospect a partner registers (deal registration). */
export const leads = pgTable(
  "leads",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    registeredBy: uuid("registered_by").references(() => users.id, { onDelete: "set null" }),
    companyName: text("company_name").notNull(),
    /** Case, punctuation and legal suffixes removed: the key the conflict check compares. */
    normalizedName: text("normalized_name").notNull(),
    website: text("website").notNull(),
    /** Normalized host ("acme.com"): the other key the conflict check compares. */
    domain: text("domain").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    country: char("country", { length: 2 }).notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    estimatedValueMinor: money("estimated_value_minor").notNull(),
    currency: currencyCode("currency").notNull(),
    expectedCloseDate: date("expected_close_date", { mode: "string" }).notNull(),
    notes: text("notes"),
    status: leadStatus("status").notNull().default("submitted"),
    /** Another partner had registered the same company first; the manager decides. */
    flagged: boolean("flagged").notNull().default(false),
    /** The manager asked the partner for more information; cleared when the partner answers. */
    infoRequestedAt: timestamptz("info_requested_at"),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamptz("approved_at"),
    /** End of the protection window that approval starts. */
    protectedUntil: timestamptz("protected_until"),
    /** Last status change or comment: an approved lead without progress expires. */
    lastActivityAt: timestamptz("last_activity_at").notNull().defaultNow(),
    expiryWarnedAt: timestamptz("expiry_warned_at"),
    /** Why it was rejected, lost or withdrawn. */
    closeReason: text("close_reason"),
    dealAmountMinor: money("deal_amount_minor"),
    dealCurrency: currencyCode("deal_currency"),
    /** Bumped by each correction of the deal amount; commission event keys carry it. */
    dealRevision: integer("deal_revision").notNull().default(0),
    closedOn: date("closed_on", { mode: "string" }),
    wonAt: timestamptz("won_at"),
    ...timestamps(),
  },
  (t) => [
    // The conflict check's two lookups; with a million leads they stay index scans.
    index("leads_domain_idx").on(t.domain, t.status),
    index("leads_normalized_name_idx").on(t.normalizedName, t.status),
    index("leads_partner_idx").on(t.partnerId, t.createdAt),
    // The queue by status in date order; with the id it serves deep pages from the index alone.
    index("leads_status_idx").on(t.status, t.createdAt, t.id),
    index("leads_activity_idx").on(t.status, t.lastActivityAt),
    // The staff queue filtered by product, in date order, and its count: an index range, not a heap scan.
    index("leads_status_product_idx").on(t.status, t.productId, t.createdAt, t.id),
    // A partner's pipeline and status counts, read from the index alone.
    index("leads_partner_pipeline_idx").on(t.partnerId, t.status, t.currency, t.estimatedValueMinor),
    // Won deals by partner and date with their amounts: tier numbers for one partner or all at once.
    index("leads_won_idx")
      .on(t.partnerId, t.wonAt, t.dealCurrency, t.dealAmountMinor)
      .where(sql`${t.status} = 'won'`),
  ],
);

/**
 * How many leads are in each status (and flagged), kept by a trigger on leads in the same
 * transaction as every insert, status change and delete, so the staff queue's tabs never count
 * a million rows. The trigger is deferred to commit, which keeps the counter rows locked only
 * for the moment of commit; `lead-counts.test.ts` proves they never drift from the table.
 */
export const leadCounts = pgTable(
  "lead_counts",
  {
    status: leadStatus("status").notNull(),
    flagged: boolean("flagged").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.flagged] })],
);

/** Every status change of a lead, with who made it and why: the timeline. */
export const leadEvents = pgTable(
  "lead_events",
  {
    id: id(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    /** submitted, approved, …, or an event that keeps the status (edited, info_requested, reassigned). */
    kind: text("kind").notNull(),
    fromStatus: leadStatus("from_status"),
    toStatus: leadStatus("to_status").notNull(),
    note: text("note"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("lead_events_lead_idx").on(t.leadId, t.at)],
);

/** The thread between the partner and the manager on one lead. */
export const leadComments = pgTable(
  "lead_comments",
  {
    id: id(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorKind: text("author_kind").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("lead_comments_lead_idx").on(t.leadId, t.createdAt)],
);
