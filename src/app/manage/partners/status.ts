import { z } from "zod";
import type { BadgeTone } from "@/components/ui";

export const PARTNER_STATUSES = ["applied", "active", "suspended", "rejected"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const PARTNER_STATUS_TONE: Record<PartnerStatus, BadgeTone> = { applied: "warning", active: "success", suspended: "danger", rejected: "neutral" };

export const PARTNER_TYPES = ["referral", "reseller", "affiliate"] as const;

export const DIRECTORY_SORTS = ["name", "createdAt", "tier", "status"] as const;

/** Status-history reasons the system writes (message keys with dots can't be nested keys). */
export const SYSTEM_REASON_KEYS: Record<string, string> = { "application.approved": "applicationApproved" };

const uuid = z.uuid();

/** The same check the procedures make, so a bad id in the URL is a 404 rather than an error. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && uuid.safeParse(value).success;
}

/** A link for a website typed by a person: http(s) only, "https://" added when no scheme was typed. */
export function websiteHref(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) return text;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return null;
  return `https://${text}`;
}

/** The country's name in the reader's language, or the code when the runtime does not know it. */
export function countryName(locale: string, code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
