import { index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "../columns";

export const userKind = pgEnum("user_kind", ["partner", "staff"]);
export const staffRole = pgEnum("staff_role", ["admin", "partner_manager", "finance"]);
export const locale = pgEnum("locale", ["en", "ar"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name").notNull(),
    /** Always stored lower-cased; the unique index relies on it. */
    email: text("email").notNull(),
    emailVerified: timestamptz("email_verified"),
    image: text("image"),
    kind: userKind("kind").notNull(),
    locale: locale("locale"),
    deactivatedAt: timestamptz("deactivated_at"),
    /** Sessions carry the version they were issued at; raising it signs every one of them out. */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** Password hashes live apart from users so no query of users can leak them. */
export const passwordCredentials = pgTable("password_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  hash: text("hash").notNull(),
  updatedAt: updatedAt(),
});

export const staffRoles = pgTable("staff_roles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  role: staffRole("role").notNull(),
  updatedAt: updatedAt(),
});

/** next-auth's email sign-in tokens (stored hashed by Auth.js). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamptz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const userTokenPurpose = pgEnum("user_token_purpose", ["password_reset", "staff_invite"]);

/** Our own single-use links (password reset, staff invitation); only the SHA-256 is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_tokens_hash_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters for rate limits; kept in PostgreSQL so several web processes agree. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: timestamptz("reset_at").notNull(),
});

/**
 * Sessions signed out one at a time, by the id their token carries. A JWT stays valid until it
 * expires, and a response still in flight when the user signed out can set its cookie again;
 * the jwt callback refuses a token whose session is listed here. Rows go once the token would
 * have expired anyway.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: timestamptz("ended_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [index("ended_sessions_expires_idx").on(t.expiresAt)],
);
