import { eq } from "drizzle-orm";
import { z } from "zod";
import { payoutAccounts } from "@/server/db/schema";
import { applyStripeAccount } from "./stripe-account";
import { fromUnix, handled, ignored, UUID, type StripeEventHandler } from "./webhook-handler";

const list = z.array(z.string()).nullish();

/** Stripe's Account object, as far as its payout state goes (see StripeAccountShape). */
const accountObject = z.looseObject({
  id: z.string().min(1),
  charges_enabled: z.boolean().optional(),
  payouts_enabled: z.boolean().optional(),
  details_submitted: z.boolean().optional(),
  capabilities: z.looseObject({ transfers: z.string().nullish() }).nullish(),
  requirements: z
    .looseObject({
      currently_due: list,
      past_due: list,
      pending_verification: list,
      current_deadline: z.number().nullish(),
      disabled_reason: z.string().nullish(),
    })
    .nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

/**
 * `account.updated`: the event carries the account's whole state, so the newest one wins. An
 * event older than the state we hold (Stripe does not keep order, and the return URL reads the
 * account directly) is ignored, compared in Stripe's whole seconds; once applied, the row is
 * stamped with the event's time, so a later-delivered but newer event still counts.
 */
export const onAccountUpdated: StripeEventHandler = async (ctx, event) => {
  const parsed = accountObject.safeParse(event.data.object);
  if (!parsed.success) return ignored("not an account object");
  const account = parsed.data;
  if (event.account && event.account !== account.id)
    return ignored(`event is for ${event.account} but carries account ${account.id}`);
  const { db: tx } = ctx;
  const [known] = await tx
    .select()
    .from(payoutAccounts)
    .where(eq(payoutAccounts.stripeAccountId, account.id))
    .for("update");
  if (known?.stripeSyncedAt && event.created < Math.floor(known.stripeSyncedAt.getTime() / 1000)) {
    return ignored(
      `older than the state we hold: event of ${fromUnix(event.created).toISOString()}, ` +
        `account synced ${known.stripeSyncedAt.toISOString()}`,
    );
  }
  if (!known) {
    // An account we replaced still names its partner; it must not take the partner's row back.
    const partnerId = account.metadata?.partner_id;
    if (partnerId && UUID.test(partnerId)) {
      const [current] = await tx
        .select({ stripeAccountId: payoutAccounts.stripeAccountId })
        .from(payoutAccounts)
        .where(eq(payoutAccounts.partnerId, partnerId));
      if (current?.stripeAccountId && current.stripeAccountId !== account.id)
        return ignored(`account ${account.id} was replaced: partner ${partnerId} uses ${current.stripeAccountId}`);
    }
  }
  const row = await applyStripeAccount(ctx, account, fromUnix(event.created));
  if (!row) return ignored(`account ${account.id} is not one of ours`);
  return handled(`account ${account.id}: ${row.onboardingState}`);
};
