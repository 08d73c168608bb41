import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "../columns";
import { partners } from "./partners";
import { users } from "./users";

/**
 * A partner's referral link: `/r/<code>` sends the visitor to `destinationUrl` with the code added.
 * Every active partner has one default link (made when first asked for); click tracking,
 * vanity codes and UTM parameters build on this row (the affiliate tracking issue).
 */
export const referralLinks = pgTable(
  "referral_links",
  {
    id: id(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    /** Lowercase letters and digits; unique across the program. */
    code: text("code").notNull(),
    destinationUrl: text("destination_url").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    disabledAt: timestamptz("disabled_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("referral_links_code_key").on(t.code),
    uniqueIndex("referral_links_one_default")
      .on(t.partnerId)
      .where(sql`${t.isDefault}`),
    index("referral_links_partner_idx").on(t.partnerId),
  ],
);
