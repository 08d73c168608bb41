import type { BadgeTone } from "@/components/ui";

/**
 * How a ledger entry's state and source look wherever entries are listed (partner and staff), in
 * the server's order (LEDGER_STATES, LEDGER_SOURCES). A page handing in a state or source missing
 * here fails to type-check, so a new one gets its tone here first.
 */
export const LEDGER_STATE_TONE = {
  pending: "warning",
  payable: "brand",
  in_payout: "brand",
  paid: "success",
  voided: "neutral",
} as const satisfies Record<string, BadgeTone>;
export const LEDGER_SOURCE_TONE = {
  deal: "brand",
  bonus: "success",
  subscription: "brand",
  adjustment: "neutral",
  clawback: "danger",
  mdf: "success",
} as const satisfies Record<string, BadgeTone>;

export type LedgerState = keyof typeof LEDGER_STATE_TONE;
export type LedgerSource = keyof typeof LEDGER_SOURCE_TONE;

/** The states and sources a ledger filter offers. */
export const LEDGER_STATE_CHOICES = Object.keys(LEDGER_STATE_TONE) as LedgerState[];
export const LEDGER_SOURCE_CHOICES = Object.keys(LEDGER_SOURCE_TONE) as LedgerSource[];
