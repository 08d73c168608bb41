import type { BadgeTone } from "@/components/ui";

export const REQUEST_TONE: Record<"submitted" | "approved" | "rejected" | "cancelled", BadgeTone> = {
  submitted: "warning",
  approved: "success",
  rejected: "danger",
  cancelled: "neutral",
};

export const CLAIM_TONE: Record<"submitted" | "approved" | "rejected", BadgeTone> = {
  submitted: "warning",
  approved: "success",
  rejected: "danger",
};

/** A calendar day ("2026-11-03") as a Date at UTC midnight, for Intl formatting. */
export const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** A share of a whole as a CSS width (display only; the amounts themselves stay bigint). */
export function widthOf(part: bigint, whole: bigint): string {
  if (whole <= 0n || part <= 0n) return "0%";
  const permille = (part * 1000n) / whole;
  return `${Number(permille > 1000n ? 1000n : permille) / 10}%`;
}
