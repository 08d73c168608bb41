import { eq } from "drizzle-orm";
import { z } from "zod";
import { payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { markPaid, markReversed, type Payout } from "./transitions";
import { fromUnix, handled, ignored, UUID, type StripeEventHandler } from "./webhook-handler";

/** Stripe's Transfer object, the fields a payout is matched and moved by. */
const transferObject = z.looseObject({
  id: z.string().min(1),
  amount: z.number().int(),
  amount_reversed: z.number().int().default(0),
  reversed: z.boolean().default(false),
  currency: z.string().min(3),
  created: z.number().int().optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
type Transfer = z.infer<typeof transferObject>;

interface Found {
  payout: Payout;
  /** How it was found: the transfer's metadata names it, or it is recorded as paid by the transfer. */
  via: "metadata" | "transfer";
}

/** Our payout a transfer is for: by metadata.payout_id (the executor sets it), else by the transfer id we recorded. */
async function payoutOf(db: Db, transfer: Transfer): Promise<Found | null> {
  const named = transfer.metadata?.payout_id;
  if (named && UUID.test(named)) {
    const [payout] = await db.select().from(payouts).where(eq(payouts.id, named));
    if (payout) return { payout, via: "metadata" };
  }
  const [paid] = await db.select().from(payouts).where(eq(payouts.stripeTransferId, transfer.id));
  return paid ? { payout: paid, via: "transfer" } : null;
}

const money = (amount: bigint | number, currency: string) => `${amount} ${currency.toUpperCase()}`;

/** Same amount and currency: a transfer that differs is for reconciliation, never acted on. */
function matches(payout: Payout, transfer: Transfer): boolean {
  return BigInt(transfer.amount) === payout.amount && transfer.currency.toUpperCase() === payout.currency;
}

function parse(object: unknown): Transfer | null {
  const parsed = transferObject.safeParse(object);
  return parsed.success ? parsed.data : null;
}

/**
 * `transfer.created`: a safety net for the executor, which records the transfer itself as soon as
 * Stripe answers. Only a payout still processing, named by the transfer and matching it, is paid;
 * a transfer for nothing of ours creates nothing.
 */
export const onTransferCreated: StripeEventHandler = async (ctx, event) => {
  const transfer = parse(event.data.object);
  if (!transfer) return ignored("not a transfer object");
  const found = await payoutOf(ctx.db, transfer);
  if (!found) return ignored(`transfer ${transfer.id} is for no payout of ours`);
  const { payout } = found;
  if (payout.state === "paid" && payout.stripeTransferId === transfer.id)
    return ignored(`payout ${payout.id} already recorded as paid by ${transfer.id}`);
  if (!matches(payout, transfer))
    return ignored(
      `transfer ${transfer.id} (${money(transfer.amount, transfer.currency)}) does not match payout ${payout.id} ` +
        `(${money(payout.amount, payout.currency)}); left to reconciliation`,
    );
  if (payout.state !== "processing")
    return ignored(`payout ${payout.id} is ${payout.state}; transfer ${transfer.id} left to reconciliation`);
  await markPaid(ctx, payout.id, { transferId: transfer.id, at: fromUnix(transfer.created ?? event.created) });
  return handled(`payout ${payout.id} paid by ${transfer.id}`);
};

/**
 * `transfer.reversed` (and `transfer.updated` once the whole amount is reversed): the money came
 * back, so the payout is reversed and its commissions are payable again. Only the transfer that
 * paid the payout reverses it; a partial reversal is left to finance, since payouts are not split.
 */
export const onTransferReversed: StripeEventHandler = async (ctx, event) => {
  const transfer = parse(event.data.object);
  if (!transfer) return ignored("not a transfer object");
  const full = transfer.reversed || (transfer.amount > 0 && transfer.amount_reversed >= transfer.amount);
  if (!full && transfer.amount_reversed === 0) return ignored(`transfer ${transfer.id}: nothing reversed`);
  const found = await payoutOf(ctx.db, transfer);
  if (!found) return ignored(`transfer ${transfer.id} is for no payout of ours`);
  const { payout, via } = found;
  if (!full)
    return ignored(
      `partial reversal for finance: ${money(transfer.amount_reversed, transfer.currency)} of ` +
        `${money(transfer.amount, transfer.currency)} of transfer ${transfer.id} (payout ${payout.id}) came back; ` +
        `payouts are not split, the payout stays ${payout.state}`,
    );
  if (payout.state === "reversed") return ignored(`payout ${payout.id} already reversed`);
  // Delivered before transfer.created: the reversed transfer proves it was made, so record it first.
  const unrecorded = via === "metadata" && payout.state === "processing" && payout.stripeTransferId === null;
  if (unrecorded && matches(payout, transfer)) {
    await markPaid(ctx, payout.id, { transferId: transfer.id, at: fromUnix(transfer.created ?? event.created) });
  } else if (payout.stripeTransferId !== transfer.id) {
    return ignored(`transfer ${transfer.id} did not pay payout ${payout.id}; left to reconciliation`);
  }
  await markReversed(ctx, payout.id, {
    code: "transfer_reversed",
    message: `Stripe reversed transfer ${transfer.id}.`,
  });
  return handled(`payout ${payout.id} reversed`);
};
