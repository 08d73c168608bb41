import type { BadgeTone } from "@/components/ui";
import type { LEDGER_SOURCES, LEDGER_STATES } from "@/server/domains/commissions/queries";

/** How a ledger entry's state and source look wherever entries are listed (partner and staff). */
export const LEDGER_STATE_TONE: Record<(typeof LEDGER_STATES)[number], BadgeTone> = { pending: "warning", payable: "brand", in_payout: "brand", paid: "success", voided: "neutral" };
export const LEDGER_SOURCE_TONE: Record<(typeof LEDGER_SOURCES)[number], BadgeTone> = { deal: "brand", bonus: "success", subscription: "brand", adjustment: "neutral", clawback: "danger" };
