import { eq } from "drizzle-orm";
import { z } from "zod";
import { commissionAdjustments, partners } from "@/server/db/schema";
import { isCurrencyCode, moneyText } from "@/lib/money";
import type { StaffActor } from "../actor";
import { amountOf } from "../amounts";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors";
import { postEntries } from "./ledger";

export const proposeAdjustmentInput = z.object({
  partnerId: z.uuid(),
  /** Signed amount as typed ("-125.50" debits), parsed in the currency's minor units. */
  amount: moneyText({ sign: "signed" }),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "currency.invalid" }),
  reason: z.string().trim().min(10).max(2000),
});

/** A manager proposes a credit or debit; nothing enters the ledger until finance approves. */
export async function proposeAdjustment(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof proposeAdjustmentInput>) {
  const { actor, clock } = ctx;
  const amount = amountOf(input.amount, input.currency, "amount", "signed");
  if (amount === 0n) throw new InvalidError("adjustment.zero", "amount");
  return withTransaction(ctx, async (tx) => {
    const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) throw new NotFoundError("partner.notFound", "partnerId");
    const [row] = await tx
      .insert(commissionAdjustments)
      .values({
        partnerId: input.partnerId,
        asset: input.currency,
        amount,
        reason: input.reason,
        proposedBy: actor.userId,
        proposedAt: clock.now(),
      })
      .returning();
    await audit(
      tx,
      actor,
      { action: "adjustment.proposed", entityType: "adjustment", entityId: row!.id, after: row },
      clock.now(),
    );
    return row!;
  });
}

export const decideAdjustmentInput = z.object({
  adjustmentId: z.uuid(),
  approve: z.boolean(),
  note: z.string().trim().max(2000).default(""),
});

/**
 * Finance decides. Approval posts one payable ledger entry keyed by the adjustment, so a double
 * click posts it once; the proposer may not approve their own adjustment.
 */
export async function decideAdjustment(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof decideAdjustmentInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [adjustment] = await tx
      .select()
      .from(commissionAdjustments)
      .where(eq(commissionAdjustments.id, input.adjustmentId))
      .for("update");
    if (!adjustment) throw new NotFoundError("adjustment.notFound", "adjustmentId");
    if (adjustment.status !== "proposed") throw new ConflictError("adjustment.alreadyDecided", "adjustmentId");
    if (input.approve && adjustment.proposedBy === actor.userId) throw new ForbiddenError("adjustment.ownProposal");
    const now = clock.now();
    const status = input.approve ? ("approved" as const) : ("rejected" as const);
    await tx
      .update(commissionAdjustments)
      .set({ status, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note || null })
      .where(eq(commissionAdjustments.id, adjustment.id));
    if (input.approve) {
      await postEntries(tx, [
        {
          partnerId: adjustment.partnerId,
          asset: adjustment.asset,
          amount: adjustment.amount,
          source: "adjustment",
          state: "payable",
          availableAt: now,
          eventKey: `adjustment:${adjustment.id}`,
          adjustmentId: adjustment.id,
          note: adjustment.reason,
          createdAt: now,
          stateChangedAt: now,
        },
      ]);
    }
    await audit(
      tx,
      actor,
      {
        action: `adjustment.${status}`,
        entityType: "adjustment",
        entityId: adjustment.id,
        before: { status: adjustment.status },
        after: { status, note: input.note },
      },
      now,
    );
  });
}
