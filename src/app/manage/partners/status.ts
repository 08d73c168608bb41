import type { BadgeTone } from "@/components/ui";

export const PARTNER_STATUSES = ["applied", "active", "suspended", "rejected"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const PARTNER_STATUS_TONE: Record<PartnerStatus, BadgeTone> = {
  applied: "warning",
  active: "success",
  suspended: "danger",
  rejected: "neutral",
};

export const PARTNER_TYPES = ["referral", "reseller", "affiliate"] as const;

export const DIRECTORY_SORTS = ["name", "createdAt", "tier", "status"] as const;

/** Status-history reasons the system writes (message keys with dots can't be nested keys). */
export const SYSTEM_REASON_KEYS: Record<string, string> = { "application.approved": "applicationApproved" };
