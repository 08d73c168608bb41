import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, currencyCode, id, money, timestamps, timestamptz } from "../columns";
import { ledgerEntries } from "./commissions";
import { partners } from "./partners";
import { users } from "./users";

export const payoutMethod = pgEnum("payout_method", ["stripe", "bank"]);
export const payoutOnboardingState = pgEnum("payout_onboarding_state", [
  "not_started",
  "details_needed",
  "pending_verification",
  "enabled",
  "restricted",
]);
export const taxFormType = pgEnum("tax_form_type", ["w9", "w8ben", "w8bene", "other"]);

/**
 * How a partner is paid: one row per partner. The Stripe part mirrors the connected account's
 * state (written from Stripe's account object, never typed by anyone); the bank and tax parts are
 * typed by the partner's owner. Account numbers and tax ids are stored whole (the bank file needs
 * them) and leave the domain only masked, except in finance's bank file.
 */
export const payoutAccounts = pgTable(
  "payout_accounts",
  {
    partnerId: uuid("partner_id")
      .primaryKey()
      .references(() => partners.id, { onDelete: "cascade" }),
    method: payoutMethod("method").notNull().default("stripe"),
    stripeAccountId: text("stripe_account_id"),
    onboardingState: payoutOnboardingState("onboarding_state").notNull().default("not_started"),
    /** Stripe's requirements.currently_due, as last received. */
    currentlyDue: text("currently_due")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    currentDeadline: timestamptz("current_deadline"),
    disabledReason: text("disabled_reason"),
    stripeSyncedAt: timestamptz("stripe_synced_at"),
    bankAccountHolder: text("bank_account_holder"),
    /** Normalized (no spaces, upper case); checksum verified on the way in. */
    bankIban: text("bank_iban"),
    /** Where there is no IBAN: the local account number and its routing/sort code. */
    bankAccountNumber: text("bank_account_number"),
    bankRoutingCode: text("bank_routing_code"),
    bankName: text("bank_name"),
    /** ISO 3166-1 alpha-2. */
    bankCountry: text("bank_country"),
    bankUpdatedAt: timestamptz("bank_updated_at"),
    taxFormType: taxFormType("tax_form_type"),
    taxId: text("tax_id"),
    /** A storage key of the signed form, once uploaded. */
    taxFormFile: text("tax_form_file"),
    taxUpdatedAt: timestamptz("tax_updated_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("payout_accounts_stripe_account_key").on(t.stripeAccountId),
    check(
      "payout_accounts_bank_shape",
      sql`${t.bankAccountHolder} is null or ${t.bankIban} is not null or ${t.bankAccountNumber} is not null`,
    ),
  ],
);

/** Binary data (signed tax forms). Both drivers hand back a Uint8Array-compatible Buffer. */

/**
 * The signed tax form a partner's owner uploaded: one per partner, replaced by the next upload.
 * Its storage key is what payout_accounts.tax_form_file points at, so a form is served only while
 * the account still names it. Type and size are checked by the bytes before they get here, and
 * held here too.
 */
export const payoutTaxForms = pgTable(
  "payout_tax_forms",
  {
    partnerId: uuid("partner_id")
      .primaryKey()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** New on every upload ("tax-form/<partner>/<random>"), so an account row names one exact file. */
    storageKey: text("storage_key").notNull(),
    /** The name it was uploaded under, cleaned; the download gets the extension of its real type. */
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamptz("uploaded_at").notNull(),
  },
  (t) => [
    uniqueIndex("payout_tax_forms_storage_key").on(t.storageKey),
    check("payout_tax_forms_type", sql`${t.contentType} in ('application/pdf', 'image/png', 'image/jpeg')`),
    check("payout_tax_forms_size", sql`octet_length(${t.bytes}) between 1 and 5242880`),
  ],
);

export const payoutRunStatus = pgEnum("payout_run_status", [
  "draft",
  "approved",
  "executing",
  "completed",
  "partly_failed",
  "cancelled",
]);
export const payoutRunOrigin = pgEnum("payout_run_origin", ["manual", "schedule"]);

/** Finance's batch: frozen from the preview at creation, approved by a second person, then executed. */
export const payoutRuns = pgTable(
  "payout_runs",
  {
    id: id(),
    /** Entries payable by the end of this UTC day are included. */
    cutoff: date("cutoff", { mode: "string" }).notNull(),
    status: payoutRunStatus("status").notNull().default("draft"),
    createdVia: payoutRunOrigin("created_via").notNull().default("manual"),
    /** Scheduled runs: the month they were made for ("2026-11"), so a schedule makes one per period. */
    period: text("period"),
    /** Stripe's transfer_group for every transfer of the run: the run id, so transfers are found by run. */
    transferGroup: text("transfer_group")
      .notNull()
      .generatedAlwaysAs(sql`id::text`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamptz("approved_at"),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamptz("cancelled_at"),
    finishedAt: timestamptz("finished_at"),
    /**
     * Why the executor stopped before sending anything (e.g. "insufficient_balance"), with what it
     * found (per currency: needed and available); cleared when execution is asked for again.
     */
    haltCode: text("halt_code"),
    haltDetail: jsonb("halt_detail"),
    haltedAt: timestamptz("halted_at"),
    /** When reconciliation last matched the run's transfers on Stripe against its payouts. */
    reconciledAt: timestamptz("reconciled_at"),
    ...timestamps(),
  },
  (t) => [
    index("payout_runs_created_idx").on(t.createdAt),
    index("payout_runs_status_idx").on(t.status, t.createdAt),
    uniqueIndex("payout_runs_period_key")
      .on(t.period)
      .where(sql`${t.createdVia} = 'schedule'`),
    // The four-eyes rule, held by the database too.
    check(
      "payout_runs_second_approver",
      sql`${t.approvedBy} is null or ${t.approvedBy} is distinct from ${t.createdBy}`,
    ),
  ],
);

/** A run's line for one partner in one currency: what payouts and exclusions are keyed by. */
const runPartnerCurrency = () => ({
  id: id(),
  runId: uuid("run_id")
    .notNull()
    .references(() => payoutRuns.id),
  partnerId: uuid("partner_id")
    .notNull()
    .references(() => partners.id),
  currency: currencyCode("currency").notNull(),
});

/** `cancelled`: its run was cancelled as a draft, and its commissions went back to payable. */
export const payoutState = pgEnum("payout_state", ["queued", "processing", "paid", "failed", "reversed", "cancelled"]);

/** One partner's payment in one currency within a run; its amount is the exact sum of its items. */
export const payouts = pgTable(
  "payouts",
  {
    ...runPartnerCurrency(),
    amount: money("amount").notNull(),
    method: payoutMethod("method").notNull(),
    state: payoutState("state").notNull().default("queued"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    stripeTransferId: text("stripe_transfer_id"),
    /** The bank's (or finance's) reference for a manual payment. */
    bankReference: text("bank_reference"),
    /** Execution attempts (each gets its own idempotency key from the id and this number). */
    attempts: integer("attempts").notNull().default(0),
    paidAt: timestamptz("paid_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("payouts_run_partner_currency_key").on(t.runId, t.partnerId, t.currency),
    uniqueIndex("payouts_stripe_transfer_key").on(t.stripeTransferId),
    index("payouts_partner_idx").on(t.partnerId, t.createdAt),
    index("payouts_run_state_idx").on(t.runId, t.state),
    check("payouts_amount_positive", sql`${t.amount} > 0`),
    check("payouts_attempts", sql`${t.attempts} >= 0`),
  ],
);

/**
 * Which ledger entries a payout pays. An item stays after its payout failed, was reversed or
 * cancelled (the statement shows it), marked released; a ledger entry is in at most one
 * unreleased item, which is what keeps a commission from being paid twice.
 */
export const payoutItems = pgTable(
  "payout_items",
  {
    payoutId: uuid("payout_id")
      .notNull()
      .references(() => payouts.id),
    ledgerEntryId: uuid("ledger_entry_id")
      .notNull()
      .references(() => ledgerEntries.id),
    /** The entry's amount, copied so a payout's sum is checkable from its items alone. */
    amount: money("amount").notNull(),
    releasedAt: timestamptz("released_at"),
  },
  (t) => [
    primaryKey({ columns: [t.payoutId, t.ledgerEntryId] }),
    uniqueIndex("payout_items_live_entry_key")
      .on(t.ledgerEntryId)
      .where(sql`${t.releasedAt} is null`),
  ],
);

export const payoutExclusionReason = pgEnum("payout_exclusion_reason", [
  "below_minimum",
  "not_onboarded",
  "tax_missing",
  "suspended",
  "negative_balance",
]);

/** Who a run left out and why, with the amount they had payable (frozen with the run). */
export const payoutExclusions = pgTable(
  "payout_exclusions",
  {
    ...runPartnerCurrency(),
    reason: payoutExclusionReason("reason").notNull(),
    amount: money("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payout_exclusions_run_partner_currency_key").on(t.runId, t.partnerId, t.currency),
    index("payout_exclusions_partner_idx").on(t.partnerId),
  ],
);

export const payoutDiscrepancyKind = pgEnum("payout_discrepancy_kind", [
  /** A transfer in the run's group that names no payout of the run. */
  "unknown_transfer",
  /** A transfer whose amount or currency differs from its payout's. */
  "amount_mismatch",
  /** A second transfer for a payout that already has one. */
  "duplicate_transfer",
  /** A payout recorded paid by a transfer Stripe does not list. */
  "missing_transfer",
]);

/** What reconciliation could not match, for finance to look at; one row per transfer and kind. */
export const payoutDiscrepancies = pgTable(
  "payout_discrepancies",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => payoutRuns.id),
    payoutId: uuid("payout_id").references(() => payouts.id),
    kind: payoutDiscrepancyKind("kind").notNull(),
    stripeTransferId: text("stripe_transfer_id").notNull(),
    /** What Stripe has (amount in minor units, currency), beside what we expected. */
    amount: money("amount"),
    currency: currencyCode("currency"),
    expectedAmount: money("expected_amount"),
    expectedCurrency: currencyCode("expected_currency"),
    resolvedAt: timestamptz("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payout_discrepancies_transfer_kind_key").on(t.stripeTransferId, t.kind),
    index("payout_discrepancies_run_idx").on(t.runId, t.createdAt),
  ],
);

/** Stripe webhook events by their id: stored once, handled once. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    eventId: text("event_id").primaryKey(),
    type: text("type").notNull(),
    /** The connected account a Connect event is about. */
    account: text("account"),
    payload: jsonb("payload").notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    handledAt: timestamptz("handled_at"),
    /** handled, ignored or failed. */
    outcome: text("outcome"),
    note: text("note"),
  },
  (t) => [
    index("stripe_events_type_idx").on(t.type, t.receivedAt),
    index("stripe_events_unhandled_idx")
      .on(t.receivedAt)
      .where(sql`${t.handledAt} is null`),
  ],
);
