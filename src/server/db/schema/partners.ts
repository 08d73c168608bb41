import { index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id, timestamptz, updatedAt } from "../columns";
import { users } from "./users";

/** Binary data (logos). Both drivers hand back a Uint8Array-compatible Buffer. */

export const partnerType = pgEnum("partner_type", ["referral", "reseller", "affiliate"]);
export const partnerStatus = pgEnum("partner_status", ["applied", "active", "suspended", "rejected"]);
export const partnerRole = pgEnum("partner_role", ["owner", "member"]);

/** Program tiers; the commission engine adds thresholds and rates to these rows. */
export const tiers = pgTable(
  "tiers",
  {
    id: id(),
    /** Stable key used in code and translations (registered, silver, gold, platinum). */
    key: text("key").notNull(),
    name: text("name").notNull(),
    /** Order from lowest (0) up. */
    rank: integer("rank").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tiers_key_key").on(t.key), uniqueIndex("tiers_rank_key").on(t.rank)],
);

export const partners = pgTable(
  "partners",
  {
    id: id(),
    name: text("name").notNull(),
    website: text("website"),
    /** Normalized host of the website, for search and duplicate checks. */
    domain: text("domain"),
    country: text("country"),
    contactEmail: text("contact_email"),
    phone: text("phone"),
    address: text("address"),
    type: partnerType("type").notNull(),
    status: partnerStatus("status").notNull().default("active"),
    tierId: uuid("tier_id")
      .notNull()
      .references(() => tiers.id),
    managerId: uuid("manager_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The starting tier is a promise: until this moment the partner is never moved down (only
     * up). Set at approval from the program's grace period or a date the manager chose.
     */
    tierHeldUntil: timestamptz("tier_held_until"),
    /** The last periodic tier review that looked at this partner (demotions happen only there). */
    tierReviewedAt: timestamptz("tier_reviewed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("partners_tier_idx").on(t.tierId),
    index("partners_status_idx").on(t.status),
    index("partners_domain_idx").on(t.domain),
  ],
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
    createdAt: createdAt(),
  },
  (t) => [index("partner_memberships_partner_idx").on(t.partnerId)],
);

export const applicationStatus = pgEnum("application_status", ["pending", "approved", "rejected"]);

/** A company asking to join the program, from the public form. */
export const partnerApplications = pgTable(
  "partner_applications",
  {
    id: id(),
    company: text("company").notNull(),
    website: text("website").notNull(),
    /** Normalized registrable host of the website ("acme.com"), for duplicate checks. */
    domain: text("domain").notNull(),
    country: text("country").notNull(),
    type: partnerType("type").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    salesApproach: text("sales_approach").notNull(),
    expectedDealsPerQuarter: integer("expected_deals_per_quarter").notNull(),
    termsId: uuid("terms_id")
      .notNull()
      .references(() => programTerms.id),
    locale: text("locale").notNull().default("en"),
    status: applicationStatus("status").notNull().default("pending"),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamptz("reviewed_at"),
    rejectionReason: text("rejection_reason"),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("partner_applications_status_idx").on(t.status, t.createdAt),
    index("partner_applications_domain_idx").on(t.domain),
    index("partner_applications_email_idx").on(t.contactEmail),
  ],
);

/** Invitation links to join a partner organization (its first owner, or a colleague). */
export const partnerInvitations = pgTable(
  "partner_invitations",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    role: partnerRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    revokedAt: timestamptz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("partner_invitations_token_key").on(t.tokenHash),
    index("partner_invitations_partner_idx").on(t.partnerId, t.createdAt),
  ],
);

/** Versions of the program terms every partner user accepts (Markdown). */
export const programTerms = pgTable(
  "program_terms",
  {
    id: id(),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    /** The same version in Arabic (optional); a reader accepts the text in their language. */
    bodyAr: text("body_ar"),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamptz("published_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("program_terms_version_key").on(t.version)],
);

export const termsAcceptances = pgTable(
  "terms_acceptances",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    termsId: uuid("terms_id")
      .notNull()
      .references(() => programTerms.id),
    /** The language of the text the person read and accepted. */
    locale: text("locale").notNull().default("en"),
    acceptedAt: timestamptz("accepted_at").notNull().defaultNow(),
    ip: text("ip"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.termsId] })],
);

/** Every status change of a partner, with who made it and why. */
export const partnerStatusEvents = pgTable(
  "partner_status_events",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    fromStatus: partnerStatus("from_status"),
    toStatus: partnerStatus("to_status").notNull(),
    reason: text("reason").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("partner_status_events_partner_idx").on(t.partnerId, t.at)],
);

/** Staff-only notes on a partner. */
export const partnerNotes = pgTable(
  "partner_notes",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("partner_notes_partner_idx").on(t.partnerId, t.createdAt)],
);

/** A partner's logo, validated (and SVGs sanitized) before it is stored. */
export const partnerLogos = pgTable("partner_logos", {
  partnerId: uuid("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  updatedAt: updatedAt(),
});
