import { eq } from "drizzle-orm";
import { partners, payoutAccounts, payoutOnboardingState } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";

export type OnboardingState = (typeof payoutOnboardingState.enumValues)[number];

/** The parts of a Stripe Account object (API 2026) the payout state is read from. */
export interface StripeAccountShape {
  id: string;
  charges_enabled?: boolean;
  payouts_enabled?: boolean;
  details_submitted?: boolean;
  capabilities?: { transfers?: string | null } | null;
  requirements?: {
    currently_due?: string[] | null;
    past_due?: string[] | null;
    pending_verification?: string[] | null;
    current_deadline?: number | null;
    disabled_reason?: string | null;
  } | null;
  metadata?: Record<string, string> | null;
}

/**
 * What a connected account's flags mean for paying it. Transfers need the transfers capability
 * (or, on older accounts, charges) and payouts enabled; anything short of that is a reason to wait.
 */
export function onboardingStateOf(account: StripeAccountShape): OnboardingState {
  const req = account.requirements ?? {};
  const due = [...(req.currently_due ?? []), ...(req.past_due ?? [])];
  const canReceive = account.capabilities?.transfers === "active" || account.charges_enabled === true;
  if (account.payouts_enabled && canReceive) return "enabled";
  if (!account.details_submitted) return "details_needed";
  if (due.length > 0) return req.disabled_reason ? "restricted" : "details_needed";
  if ((req.pending_verification ?? []).length > 0 || req.disabled_reason?.includes("pending_verification"))
    return "pending_verification";
  return "restricted";
}

/** The stored row of an account object, in plain values; `observedAt` is when Stripe reported this state. */
export function stripeAccountFields(account: StripeAccountShape, at: Date, observedAt: Date = at) {
  const req = account.requirements ?? {};
  return {
    stripeAccountId: account.id,
    onboardingState: onboardingStateOf(account),
    currentlyDue: [...(req.currently_due ?? [])],
    currentDeadline: req.current_deadline ? new Date(req.current_deadline * 1000) : null,
    disabledReason: req.disabled_reason ?? null,
    stripeSyncedAt: observedAt,
    updatedAt: at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partner an unlinked account's metadata names, when it is one of ours. */
async function linkedPartner(tx: Db, partnerId: string | undefined): Promise<string | null> {
  if (!partnerId || !UUID.test(partnerId)) return null;
  const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  return row?.id ?? null;
}

/**
 * Records a connected account's state from Stripe's account object (an `account.updated` event,
 * or the account read back after onboarding). The account is found by its id; an account not yet
 * linked is linked to the partner its metadata names (`partner_id`, set when it was created).
 * Replays and out-of-order events are harmless: the object is the whole current state, and
 * `observedAt` (an event's own time) is kept so an older event can be told apart. Returns
 * the row, or null for an account that is not ours.
 */
export async function applyStripeAccount(ctx: ServiceCtx, account: StripeAccountShape, observedAt?: Date) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const fields = stripeAccountFields(account, clock.now(), observedAt);
    const [known] = await tx
      .select()
      .from(payoutAccounts)
      .where(eq(payoutAccounts.stripeAccountId, account.id))
      .for("update");
    const partnerId = known?.partnerId ?? (await linkedPartner(tx, account.metadata?.partner_id));
    if (!partnerId) return null;
    const [row] = await tx
      .insert(payoutAccounts)
      .values({ partnerId, ...fields })
      .onConflictDoUpdate({ target: payoutAccounts.partnerId, set: fields })
      .returning();
    if (!row) return null;
    if (known?.onboardingState !== row.onboardingState || known?.stripeAccountId !== row.stripeAccountId) {
      await audit(
        tx,
        actor,
        {
          action: "payoutAccount.stripeUpdated",
          entityType: "partner",
          entityId: partnerId,
          before: known ? { onboardingState: known.onboardingState } : null,
          after: { stripeAccountId: row.stripeAccountId, onboardingState: row.onboardingState },
        },
        clock.now(),
      );
    }
    return row;
  });
}
