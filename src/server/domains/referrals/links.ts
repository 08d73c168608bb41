import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { env } from "@/lib/env";
import { programSettings, referralLinks } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export type ReferralLink = typeof referralLinks.$inferSelect;

/** Lowercase letters and digits without the look-alikes (0/o, 1/l/i), so a printed code reads back. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const CODE_LENGTH = 8;
const CODE = /^[a-z0-9]{1,64}$/;

/** A fresh random code (31^8 ≈ 8.5e11: a clash is rare, and the unique index catches it). */
export function newReferralCode(): string {
  let code = "";
  for (let n = 0; n < CODE_LENGTH; n++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The link as partners share it: `${APP_URL}/r/<code>` (like the links in emails). */
export function referralUrl(code: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/r/${code}`;
}

/** The vendor's home page (program settings), else the portal's own address. */
export async function vendorHomeUrl(db: Db): Promise<string> {
  const [row] = await db
    .select({ websiteUrl: programSettings.websiteUrl })
    .from(programSettings)
    .where(eq(programSettings.id, 1));
  return row?.websiteUrl ?? env().APP_URL;
}

async function currentDefault(db: Db, partnerId: string): Promise<ReferralLink | null> {
  const [row] = await db
    .select()
    .from(referralLinks)
    .where(and(eq(referralLinks.partnerId, partnerId), eq(referralLinks.isDefault, true)));
  return row ?? null;
}

/**
 * The partner's default link, made on first ask (destination: the vendor's home page). Safe under
 * concurrency without locks: the insert does nothing when the partner's default already exists
 * (the partial unique index `referral_links_one_default`) or the code is taken (`referral_links_code_key`),
 * and the row is read again; two first asks end with the one link whichever wins.
 */
export async function defaultLinkFor(
  db: Db,
  partnerId: string,
  createdBy: string | null = null,
): Promise<ReferralLink> {
  const existing = await currentDefault(db, partnerId);
  if (existing) return existing;
  const destinationUrl = await vendorHomeUrl(db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [made] = await db
      .insert(referralLinks)
      .values({ partnerId, code: newReferralCode(), destinationUrl, isDefault: true, createdBy })
      .onConflictDoNothing()
      .returning();
    if (made) return made;
    // Nothing inserted: either another request made the default first, or the code was taken.
    const winner = await currentDefault(db, partnerId);
    if (winner) return winner;
  }
  throw new Error("could not allocate a referral code");
}

/** Adds `ref=<code>` to a destination, keeping its own query parameters (an existing ref is replaced). */
export function withRef(destination: string, code: string): string {
  const url = new URL(destination);
  url.searchParams.set("ref", code);
  return url.toString();
}

/**
 * Where `/r/<code>` sends a visitor: an active link's destination with the code added; an unknown,
 * malformed or disabled code goes to the vendor's home page (never an error page, so a printed
 * link that was withdrawn still lands somewhere useful).
 */
export async function resolveReferral(
  db: Db,
  rawCode: string,
): Promise<{ location: string; link: ReferralLink | null }> {
  const code = rawCode.toLowerCase();
  if (CODE.test(code)) {
    const [link] = await db
      .select()
      .from(referralLinks)
      .where(and(eq(referralLinks.code, code), isNull(referralLinks.disabledAt)));
    if (link) {
      try {
        return { location: withRef(link.destinationUrl, link.code), link };
      } catch {
        // A destination that no longer parses is treated like a missing link.
      }
    }
  }
  return { location: await vendorHomeUrl(db), link: null };
}
