import type Stripe from "stripe";
import { getStripe, isStripeConfigured } from "@/server/integrations/stripe";

/** Available platform balance per currency (ISO code upper case → minor units). */
export type PlatformBalance = Record<string, bigint>;

/**
 * What the Stripe platform account can transfer now, per currency; null where Stripe is not
 * configured (payouts then go by bank file). Pending funds are left out: a transfer can only
 * spend what is available.
 */
export async function platformBalance(): Promise<PlatformBalance | null> {
  if (!isStripeConfigured()) return null;
  return availableBalance(getStripe());
}

/** The available balance of the platform account `stripe` speaks for, per currency. */
export async function availableBalance(stripe: Stripe): Promise<PlatformBalance> {
  const balance = await stripe.balance.retrieve();
  const out: PlatformBalance = {};
  for (const part of balance.available) {
    const code = part.currency.toUpperCase();
    out[code] = (out[code] ?? 0n) + BigInt(part.amount);
  }
  return out;
}

/** Per currency, what a run needs beyond what is available (only the currencies short). */
export function shortfalls(needed: Record<string, bigint>, available: PlatformBalance): Record<string, bigint> {
  const short: Record<string, bigint> = {};
  for (const [currency, amount] of Object.entries(needed)) {
    const have = available[currency] ?? 0n;
    if (have < amount) short[currency] = amount - have;
  }
  return short;
}
