import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, currencyCode, id, money, timestamptz } from "../columns";
import { leads, products } from "./leads";
import { partners, tiers } from "./partners";
import { users } from "./users";

export const planBaseKind = pgEnum("plan_base_kind", ["percent", "flat"]);

/** A commission plan: its rules live in immutable versions, so a change never rewrites history. */
export const commissionPlans = pgTable(
  "commission_plans",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    /** The plan partners without one of their own earn under (exactly one). */
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commission_plans_name_key").on(sql`lower(${t.name})`),
    uniqueIndex("commission_plans_default_key")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

export const commissionPlanVersions = pgTable(
  "commission_plan_versions",
  {
    id: id(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => commissionPlans.id),
    version: integer("version").notNull(),
    baseKind: planBaseKind("base_kind").notNull(),
    /** Percent plans: the rate for a tier without its own rate, in basis points. */
    baseRateBps: integer("base_rate_bps"),
    /** Flat plans: the amount per won deal, in its own currency. */
    baseFlatMinor: money("base_flat_minor"),
    baseFlatCurrency: currencyCode("base_flat_currency"),
    /** Months of subscription revenue that earn commission (referrals). */
    recurringMonths: integer("recurring_months").notNull().default(12),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commission_plan_versions_plan_version_key").on(t.planId, t.version),
    check(
      "commission_plan_versions_base_shape",
      sql`(${t.baseKind} = 'percent' and ${t.baseRateBps} between 0 and 10000 and ${t.baseFlatMinor} is null)
        or (${t.baseKind} = 'flat' and ${t.baseFlatMinor} >= 0 and ${t.baseFlatCurrency} is not null)`,
    ),
    check("commission_plan_versions_recurring_months", sql`${t.recurringMonths} between 0 and 120`),
  ],
);

/** A plan version's tier table: what it takes to reach the tier and the rate it pays. */
export const planTierRules = pgTable(
  "plan_tier_rules",
  {
    id: id(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => commissionPlanVersions.id, { onDelete: "cascade" }),
    tierId: uuid("tier_id")
      .notNull()
      .references(() => tiers.id),
    /** The rate deals earn at this tier (percent plans), in basis points. */
    rateBps: integer("rate_bps").notNull(),
    /** Trailing-12-month won revenue in the program currency; null = no revenue threshold. */
    minRevenueMinor: money("min_revenue_minor"),
    /** Trailing-12-month won deals; null = no deal-count threshold. */
    minWonDeals: integer("min_won_deals"),
    perks: text("perks"),
    /** The perks in Arabic; the reader's language is shown, the other with a mark when it is missing. */
    perksAr: text("perks_ar"),
  },
  (t) => [
    uniqueIndex("plan_tier_rules_version_tier_key").on(t.versionId, t.tierId),
    check("plan_tier_rules_rate", sql`${t.rateBps} between 0 and 10000`),
  ],
);

/** A plan version's rate for one product, over the tier rate. */
export const planProductRates = pgTable(
  "plan_product_rates",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => commissionPlanVersions.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    rateBps: integer("rate_bps").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.productId] }),
    check("plan_product_rates_rate", sql`${t.rateBps} between 0 and 10000`),
  ],
);

/** Which plan a partner earns under (its latest version applies to new commissions). */
export const partnerPlans = pgTable("partner_plans", {
  partnerId: uuid("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  planId: uuid("plan_id")
    .notNull()
    .references(() => commissionPlans.id),
  assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
  assignedAt: timestamptz("assigned_at").notNull().defaultNow(),
});

/** A time-boxed extra (SPIF) for deals won inside its window. */
export const bonusCampaigns = pgTable(
  "bonus_campaigns",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    /** Arabic name and description beside the English ones (optional). */
    nameAr: text("name_ar"),
    descriptionAr: text("description_ar"),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    kind: planBaseKind("kind").notNull(),
    rateBps: integer("rate_bps"),
    flatMinor: money("flat_minor"),
    currency: currencyCode("currency"),
    /** Empty = every tier / every product. */
    tierIds: uuid("tier_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    productIds: uuid("product_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    archivedAt: timestamptz("archived_at"),
  },
  (t) => [
    index("bonus_campaigns_window_idx").on(t.startsAt, t.endsAt),
    check("bonus_campaigns_window", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "bonus_campaigns_shape",
      sql`(${t.kind} = 'percent' and ${t.rateBps} between 1 and 10000 and ${t.flatMinor} is null)
        or (${t.kind} = 'flat' and ${t.flatMinor} > 0 and ${t.currency} is not null)`,
    ),
  ],
);

export const ledgerSource = pgEnum("ledger_source", ["deal", "bonus", "subscription", "adjustment", "clawback", "mdf"]);
export const ledgerState = pgEnum("ledger_state", ["pending", "payable", "in_payout", "paid", "voided"]);

/**
 * The ledger: one immutable entry per fact. `asset` is the unit: an ISO currency code for money,
 * or "points" for the points ledger that comes later. Only `state` moves, and balances move with it.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    asset: text("asset").notNull(),
    /** Minor units of the asset (cents, or whole points); negative for clawbacks and debits. */
    amount: money("amount").notNull(),
    source: ledgerSource("source").notNull(),
    state: ledgerState("state").notNull(),
    /** When a pending entry becomes payable (the hold period). */
    availableAt: timestamptz("available_at").notNull(),
    /** One entry per source event: what makes replays and double clicks harmless. */
    eventKey: text("event_key").notNull(),
    leadId: uuid("lead_id").references(() => leads.id),
    /** For deal and bonus entries: the deal's revision they were computed for (0 = the win). */
    dealRevision: integer("deal_revision"),
    campaignId: uuid("campaign_id").references(() => bonusCampaigns.id),
    adjustmentId: uuid("adjustment_id"),
    /** For mdf entries: the approved claim they pay (mdf_claims.id). */
    mdfClaimId: uuid("mdf_claim_id"),
    /** A clawback names the entry it reverses; each entry is reversed at most once. */
    reversesEntryId: uuid("reverses_entry_id"),
    planVersionId: uuid("plan_version_id").references(() => commissionPlanVersions.id),
    tierId: uuid("tier_id").references(() => tiers.id),
    /** The rule as applied: rate in basis points or a flat amount, and the base it was applied to. */
    rateBps: integer("rate_bps"),
    flatMinor: money("flat_minor"),
    baseAmountMinor: money("base_amount_minor"),
    note: text("note"),
    createdAt: createdAt(),
    stateChangedAt: timestamptz("state_changed_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ledger_entries_event_key").on(t.eventKey),
    uniqueIndex("ledger_entries_reverses_key").on(t.reversesEntryId),
    // A partner's ledger by date, and its monthly earnings read from the index alone (asset and amount ride along).
    index("ledger_entries_partner_idx").on(t.partnerId, t.createdAt, t.asset, t.amount),
    // What clawbacks took back, per partner and asset, without visiting the heap.
    index("ledger_entries_partner_source_idx").on(t.partnerId, t.source, t.asset, t.amount),
    index("ledger_entries_release_idx").on(t.state, t.availableAt),
    index("ledger_entries_lead_idx").on(t.leadId),
  ],
);

/**
 * The source events the commission engine has decided, one row each (a won deal at its revision:
 * "lead:<id>:r<revision>"). The entries an event earns are computed once, in the transaction that
 * writes this row; a replay finds the row and posts nothing, whatever changed since (a campaign
 * created later, a tier reached later, a plan published later), even when the event earned nothing.
 */
export const commissionEvents = pgTable(
  "commission_events",
  {
    eventKey: text("event_key").primaryKey(),
    leadId: uuid("lead_id").references(() => leads.id),
    decidedAt: timestamptz("decided_at").notNull().defaultNow(),
  },
  (t) => [index("commission_events_lead_idx").on(t.leadId)],
);

/** Running sums of the ledger by partner, asset and state, kept in the same transaction as each change. */
export const ledgerBalances = pgTable(
  "ledger_balances",
  {
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    asset: text("asset").notNull(),
    state: ledgerState("state").notNull(),
    amount: money("amount")
      .notNull()
      .default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.asset, t.state] })],
);

export const adjustmentStatus = pgEnum("adjustment_status", ["proposed", "approved", "rejected"]);

/** A manual credit or debit: proposed by a manager, entering the ledger only once finance approves. */
export const commissionAdjustments = pgTable(
  "commission_adjustments",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    asset: text("asset").notNull(),
    /** Signed minor units: positive credits the partner, negative debits. */
    amount: money("amount").notNull(),
    reason: text("reason").notNull(),
    status: adjustmentStatus("status").notNull().default("proposed"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamptz("proposed_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamptz("decided_at"),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("commission_adjustments_status_idx").on(t.status, t.proposedAt),
    check("commission_adjustments_nonzero", sql`${t.amount} <> 0`),
  ],
);

/**
 * recompute: the numbers moved the partner up (at once); review: the periodic review moved it
 * down after its starting tier's grace period; override / override_ended: a manager's hold.
 */
export const tierChangeCause = pgEnum("tier_change_cause", [
  "recompute",
  "override",
  "override_ended",
  "review",
  /** A certification the tier requires expired or was revoked: the partner moves down at once. */
  "certification",
]);

/** Every tier change, with the numbers that caused it. */
export const tierChanges = pgTable(
  "tier_changes",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    fromTierId: uuid("from_tier_id").references(() => tiers.id),
    toTierId: uuid("to_tier_id")
      .notNull()
      .references(() => tiers.id),
    cause: tierChangeCause("cause").notNull(),
    /** Trailing-12-month won revenue (program currency) and won deals at the time. */
    revenueMinor: money("revenue_minor").notNull(),
    currency: currencyCode("currency").notNull(),
    wonDeals: integer("won_deals").notNull(),
    note: text("note"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("tier_changes_partner_idx").on(t.partnerId, t.at)],
);

/** A manager's decision to hold a partner at a tier until a date, whatever the numbers say. */
export const tierOverrides = pgTable(
  "tier_overrides",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    tierId: uuid("tier_id")
      .notNull()
      .references(() => tiers.id),
    reason: text("reason").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** Set when it ends (at endsAt, or lifted early). */
    endedAt: timestamptz("ended_at"),
  },
  (t) => [index("tier_overrides_partner_idx").on(t.partnerId, t.endsAt)],
);
