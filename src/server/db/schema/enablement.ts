import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, currencyCode, id, money, timestamptz, updatedAt } from "../columns";
import { leads } from "./leads";
import { partners, tiers } from "./partners";
import { storedFiles } from "./storage";
import { locale, users } from "./users";

/**
 * Enablement: the co-marketing library (files, links and co-branded templates, gated by tier) and
 * market development funds (budgets, requests, claims). Files live in stored_files through the
 * storage module; nothing here is served from a public URL.
 */

/** file: a stored file with versions; link: a URL (a video, say); cobrand: a template rendered per partner. */
export const assetKind = pgEnum("asset_kind", ["file", "link", "cobrand"]);
export const assetCategory = pgEnum("asset_category", [
  "sales_deck",
  "case_study",
  "datasheet",
  "brand",
  "social",
  "email_template",
  "video",
  "other",
]);

export const assets = pgTable(
  "assets",
  {
    id: id(),
    kind: assetKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: assetCategory("category").notNull(),
    /** Lowercase words staff filter and partners search by. */
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The language the material is in; null = any (a logo pack, say). */
    language: locale("language"),
    /** The lowest tier that sees the asset; null = every partner. */
    minTierId: uuid("min_tier_id").references(() => tiers.id),
    /** After this moment partners no longer see it (staff still do). */
    expiresAt: timestamptz("expires_at"),
    /** For kind = link: where it points (https only). */
    linkUrl: text("link_url"),
    /** For kind = file: the version partners download (asset_versions.version). */
    currentVersion: integer("current_version"),
    /** Downloads (and opened links, and co-branded renders) over every version; asset_downloads has each. */
    downloadCount: integer("download_count").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** An archived asset leaves the library; its history stays. */
    archivedAt: timestamptz("archived_at"),
  },
  (t) => [
    index("assets_category_idx").on(t.category),
    index("assets_min_tier_idx").on(t.minTierId),
    check("assets_link_shape", sql`(${t.kind} = 'link') = (${t.linkUrl} is not null)`),
    check("assets_download_count_nonnegative", sql`${t.downloadCount} >= 0`),
  ],
);

/** Each file an asset has carried; replacing the file adds a version and moves `assets.current_version`. */
export const assetVersions = pgTable(
  "asset_versions",
  {
    id: id(),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("asset_versions_asset_version_key").on(t.assetId, t.version)],
);

/** One row per download (or opened link, or co-branded render): who, which asset, which version. */
export const assetDownloads = pgTable(
  "asset_downloads",
  {
    id: id(),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    /** The file version downloaded; null for links and co-branded renders. */
    version: integer("version"),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    downloadedAt: timestamptz("downloaded_at").notNull().defaultNow(),
  },
  (t) => [
    index("asset_downloads_asset_idx").on(t.assetId, t.downloadedAt),
    index("asset_downloads_partner_idx").on(t.partnerId, t.downloadedAt),
  ],
);

export const cobrandPlacement = pgEnum("cobrand_placement", ["header", "footer"]);

/**
 * A co-branded template (an asset of kind cobrand): the vendor's words and logo, and where the
 * partner's name, logo, referral link and its QR code go. The PDF is rendered for the partner who
 * asks, in their language: Arabic partners get the Arabic text where staff wrote one.
 */
export const cobrandTemplates = pgTable(
  "cobrand_templates",
  {
    assetId: uuid("asset_id")
      .primaryKey()
      .references(() => assets.id, { onDelete: "cascade" }),
    headline: text("headline").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    headlineAr: text("headline_ar"),
    bodyMarkdownAr: text("body_markdown_ar"),
    vendorLogoFileId: uuid("vendor_logo_file_id").references(() => storedFiles.id),
    /** Where the partner's block (name, logo, link, QR) sits on the page. */
    partnerPlacement: cobrandPlacement("partner_placement").notNull().default("footer"),
    showPartnerLogo: boolean("show_partner_logo").notNull().default(true),
    showReferralLink: boolean("show_referral_link").notNull().default(true),
    showQrCode: boolean("show_qr_code").notNull().default(true),
    /** The accent colour of the headline and rules, "#rrggbb". */
    accentColor: text("accent_color").notNull().default("#1d4ed8"),
    updatedAt: updatedAt(),
  },
  (t) => [check("cobrand_templates_accent", sql`${t.accentColor} ~ '^#[0-9a-f]{6}$'`)],
);

/**
 * A quarter's MDF allocation: for every partner of a tier, or for one partner (which overrides
 * the tier's). Amounts in the program currency.
 */
export const mdfBudgets = pgTable(
  "mdf_budgets",
  {
    id: id(),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    tierId: uuid("tier_id").references(() => tiers.id),
    partnerId: uuid("partner_id").references(() => partners.id),
    amountMinor: money("amount_minor").notNull(),
    currency: currencyCode("currency").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("mdf_budgets_quarter", sql`${t.quarter} between 1 and 4`),
    check("mdf_budgets_amount_nonnegative", sql`${t.amountMinor} >= 0`),
    check("mdf_budgets_one_target", sql`(${t.tierId} is null) <> (${t.partnerId} is null)`),
    uniqueIndex("mdf_budgets_tier_key")
      .on(t.year, t.quarter, t.tierId)
      .where(sql`${t.tierId} is not null`),
    uniqueIndex("mdf_budgets_partner_key")
      .on(t.year, t.quarter, t.partnerId)
      .where(sql`${t.partnerId} is not null`),
  ],
);

export const mdfActivityType = pgEnum("mdf_activity_type", [
  "event",
  "webinar",
  "digital_ads",
  "content",
  "email_campaign",
  "trade_show",
  "training",
  "other",
]);
export const mdfRequestStatus = pgEnum("mdf_request_status", ["submitted", "approved", "rejected", "cancelled"]);

/** A partner's request for funds for one campaign; it draws on the budget of the quarter it starts in. */
export const mdfRequests = pgTable(
  "mdf_requests",
  {
    id: id(),
    /** The number people quote: MDF-0042. */
    number: serial("number").notNull(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    campaignName: text("campaign_name").notNull(),
    activityType: mdfActivityType("activity_type").notNull(),
    description: text("description").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** The budget quarter (from startsOn). */
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    currency: currencyCode("currency").notNull(),
    totalCostMinor: money("total_cost_minor").notNull(),
    requestedMinor: money("requested_minor").notNull(),
    expectedLeads: integer("expected_leads").notNull().default(0),
    expectedPipelineMinor: money("expected_pipeline_minor")
      .notNull()
      .default(sql`0`),
    status: mdfRequestStatus("status").notNull().default("submitted"),
    approvedMinor: money("approved_minor"),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamptz("decided_at"),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("mdf_requests_number_key").on(t.number),
    index("mdf_requests_partner_idx").on(t.partnerId, t.year, t.quarter),
    index("mdf_requests_status_idx").on(t.status, t.createdAt),
    check("mdf_requests_quarter", sql`${t.quarter} between 1 and 4`),
    check("mdf_requests_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      "mdf_requests_amounts",
      sql`${t.requestedMinor} > 0 and ${t.totalCostMinor} >= ${t.requestedMinor} and ${t.expectedPipelineMinor} >= 0 and ${t.expectedLeads} >= 0`,
    ),
    check(
      "mdf_requests_approval",
      sql`(${t.status} = 'approved') = (${t.approvedMinor} is not null)
        and (${t.approvedMinor} is null or (${t.approvedMinor} > 0 and ${t.approvedMinor} <= ${t.requestedMinor}))`,
    ),
  ],
);

export const mdfClaimStatus = pgEnum("mdf_claim_status", ["submitted", "approved", "rejected"]);

/**
 * What a partner claims after an approved campaign: the actual cost, what it produced, and proof.
 * An approved claim becomes one ledger entry (source mdf, event key "mdf_claim:<id>") paid in the
 * next payout run. A rejected claim may be followed by a new one; at most one is open or approved.
 */
export const mdfClaims = pgTable(
  "mdf_claims",
  {
    id: id(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => mdfRequests.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    currency: currencyCode("currency").notNull(),
    actualCostMinor: money("actual_cost_minor").notNull(),
    claimedMinor: money("claimed_minor").notNull(),
    leadsProduced: integer("leads_produced").notNull().default(0),
    notes: text("notes").notNull().default(""),
    status: mdfClaimStatus("status").notNull().default("submitted"),
    approvedMinor: money("approved_minor"),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamptz("decided_at"),
    /** The payable entry the approval posted. */
    ledgerEntryId: uuid("ledger_entry_id"),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("mdf_claims_one_live")
      .on(t.requestId)
      .where(sql`${t.status} in ('submitted', 'approved')`),
    index("mdf_claims_status_idx").on(t.status, t.createdAt),
    index("mdf_claims_partner_idx").on(t.partnerId),
    check(
      "mdf_claims_amounts",
      sql`${t.claimedMinor} > 0 and ${t.actualCostMinor} >= ${t.claimedMinor} and ${t.leadsProduced} >= 0`,
    ),
    check(
      "mdf_claims_approval",
      sql`(${t.status} = 'approved') = (${t.approvedMinor} is not null)
        and (${t.approvedMinor} is null or (${t.approvedMinor} > 0 and ${t.approvedMinor} <= ${t.claimedMinor}))`,
    ),
  ],
);

export const mdfClaimFileKind = pgEnum("mdf_claim_file_kind", ["proof", "invoice"]);

/** Proof of performance and the invoice a claim carries. */
export const mdfClaimFiles = pgTable(
  "mdf_claim_files",
  {
    claimId: uuid("claim_id")
      .notNull()
      .references(() => mdfClaims.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    kind: mdfClaimFileKind("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.fileId] })],
);

/** The registered leads a campaign produced, as the partner linked them to the claim. */
export const mdfClaimLeads = pgTable(
  "mdf_claim_leads",
  {
    claimId: uuid("claim_id")
      .notNull()
      .references(() => mdfClaims.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.leadId] })],
);
