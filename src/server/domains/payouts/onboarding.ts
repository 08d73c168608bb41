import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { z } from "zod";
import { env } from "@/lib/env";
import { partners, payoutAccounts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { getStripe, isStripeConfigured } from "@/server/integrations/stripe";
import type { PartnerActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError } from "../errors";
import { assertOwner } from "./access";
import { payoutAccountView, type PayoutAccount, type PayoutAccountView } from "./settings";
import { applyStripeAccount, stripeAccountFields } from "./stripe-account";

/** Where Stripe sends the partner back: our route handlers (src/app/api/payouts/stripe/*). */
export const STRIPE_RETURN_PATH = "/api/payouts/stripe/return";
export const STRIPE_REFRESH_PATH = "/api/payouts/stripe/refresh";

const appLink = z.url({ protocol: /^https?$/ }).max(2000);
export const startOnboardingInput = z.object({ returnUrl: appLink, refreshUrl: appLink });
export type StartOnboardingInput = z.infer<typeof startOnboardingInput>;

/** The account link's URLs on this app (APP_URL), for the router and the refresh route alike. */
export function stripeOnboardingUrls(appUrl: string = env().APP_URL): StartOnboardingInput {
  return {
    returnUrl: new URL(STRIPE_RETURN_PATH, appUrl).toString(),
    refreshUrl: new URL(STRIPE_REFRESH_PATH, appUrl).toString(),
  };
}

const ATTEMPTS = 3;

/** Worth another try with the same idempotency key: Stripe never saw it, or is still working on it. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeRateLimitError)
    return true;
  const status = error.statusCode ?? 0;
  return status === 409 || status >= 500;
}

/** The account we hold no longer exists on Stripe's side (deleted, or a stand-in that restarted). */
function isMissingAccount(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";
}

/**
 * One Stripe call, retried briefly on transient failures (every write carries an idempotency
 * key, so a retry never makes a second object). What still fails becomes a domain error the
 * partner can act on ("try again").
 */
async function stripeCall<T>(call: () => Promise<T>, keep: (error: unknown) => boolean = () => false): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (keep(error)) throw error;
      if (attempt < ATTEMPTS && isTransient(error)) {
        await new Promise((resolve) => setTimeout(resolve, 150 * attempt));
        continue;
      }
      if (error instanceof Stripe.errors.StripeError) {
        console.error("[payouts] Stripe refused an onboarding call:", error.type, error.code, error.message);
        throw new ConflictError("payoutAccount.stripeFailed");
      }
      throw error;
    }
  }
}

function requireStripe(): Stripe {
  if (!isStripeConfigured()) throw new ConflictError("payoutAccount.stripeUnavailable");
  return getStripe();
}

async function accountRow(db: Db, partnerId: string, forUpdate = false): Promise<PayoutAccount | undefined> {
  const query = db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** What we know of the partner to prefill Stripe's onboarding (only well-formed values). */
async function accountParams(ctx: ServiceCtx<PartnerActor>): Promise<Stripe.AccountCreateParams> {
  const { actor } = ctx;
  const [partner] = await ctx.db
    .select({ country: partners.country, contactEmail: partners.contactEmail })
    .from(partners)
    .where(eq(partners.id, actor.partnerId));
  const country = partner?.country?.trim().toUpperCase();
  const email = partner?.contactEmail?.trim() || actor.email;
  return {
    type: "express",
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(email ? { email } : {}),
    capabilities: { transfers: { requested: true } },
    metadata: { partner_id: actor.partnerId },
  };
}

/**
 * Stores the connected account on the partner's row (a new row is paid by Stripe; an existing one
 * keeps the method its owner chose), with an audit entry. A row that already names this account
 * (an account.updated webhook linked it first, or a replayed create) is left as it is.
 */
async function recordAccount(ctx: ServiceCtx<PartnerActor>, account: Stripe.Account): Promise<void> {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    const before = await accountRow(tx, actor.partnerId, true);
    if (before?.stripeAccountId === account.id) return;
    const fields = stripeAccountFields(account, clock.now());
    const [row] = await tx
      .insert(payoutAccounts)
      .values({ partnerId: actor.partnerId, method: "stripe", ...fields })
      .onConflictDoUpdate({ target: payoutAccounts.partnerId, set: fields })
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "payoutAccount.stripeConnected",
        entityType: "partner",
        entityId: actor.partnerId,
        before: before ? { stripeAccountId: before.stripeAccountId, onboardingState: before.onboardingState } : null,
        after: { stripeAccountId: row!.stripeAccountId, onboardingState: row!.onboardingState },
      },
      clock.now(),
    );
  });
}

/**
 * The partner's connected account id, creating the Express account the first time. The
 * idempotency key is the partner's (so a crash after Stripe answered, or a double click, replays
 * the same account); a replacement for an account Stripe no longer has gets its own key.
 */
async function ensureAccount(ctx: ServiceCtx<PartnerActor>, stripe: Stripe, replacing?: string): Promise<string> {
  const partnerId = ctx.actor.partnerId;
  const row = await accountRow(ctx.db, partnerId);
  if (row?.stripeAccountId && row.stripeAccountId !== replacing) return row.stripeAccountId;
  const params = await accountParams(ctx);
  const idempotencyKey = replacing ? `account:${partnerId}:replacing:${replacing}` : `account:${partnerId}`;
  const account = await stripeCall(() => stripe.accounts.create(params, { idempotencyKey }));
  await recordAccount(ctx, account);
  return account.id;
}

function accountLink(stripe: Stripe, partnerId: string, account: string, urls: StartOnboardingInput) {
  // A link is good once, for minutes: each request mints a new one, so the key is unique per request.
  const idempotencyKey = `account_link:${partnerId}:${randomUUID()}`;
  return stripe.accountLinks.create(
    { account, type: "account_onboarding", return_url: urls.returnUrl, refresh_url: urls.refreshUrl },
    { idempotencyKey },
  );
}

/**
 * The owner connects (or continues connecting) a Stripe Express account: the account is created
 * once per partner, then every call mints a fresh onboarding link, which is how an expired or
 * used link is renewed.
 */
export async function startStripeOnboarding(
  ctx: ServiceCtx<PartnerActor>,
  input: StartOnboardingInput,
): Promise<{ url: string }> {
  assertOwner(ctx.actor);
  const stripe = requireStripe();
  const partnerId = ctx.actor.partnerId;
  const accountId = await ensureAccount(ctx, stripe);
  try {
    const link = await stripeCall(() => accountLink(stripe, partnerId, accountId, input), isMissingAccount);
    return { url: link.url };
  } catch (error) {
    if (!isMissingAccount(error)) throw error;
    const replacement = await ensureAccount(ctx, stripe, accountId);
    const link = await stripeCall(() => accountLink(stripe, partnerId, replacement, input));
    return { url: link.url };
  }
}

/**
 * Reads the partner's account back from Stripe and records its state (the return URL calls this,
 * so the page is right without waiting for the webhook). Null when no account is connected.
 */
export async function refreshStripeAccount(ctx: ServiceCtx<PartnerActor>): Promise<PayoutAccountView | null> {
  assertOwner(ctx.actor);
  const row = await accountRow(ctx.db, ctx.actor.partnerId);
  if (!row?.stripeAccountId) return null;
  const stripe = requireStripe();
  const accountId = row.stripeAccountId;
  const account = await stripeCall(() => stripe.accounts.retrieve(accountId));
  const applied = await applyStripeAccount(ctx, account);
  return payoutAccountView(applied ?? row);
}

/** A one-time login link into the partner's Express dashboard; Stripe gives one only once details are submitted. */
export async function stripeDashboardLink(ctx: ServiceCtx<PartnerActor>): Promise<{ url: string }> {
  assertOwner(ctx.actor);
  const stripe = requireStripe();
  const row = await accountRow(ctx.db, ctx.actor.partnerId);
  const accountId = row?.stripeAccountId;
  if (!accountId || row.onboardingState === "not_started") throw new ConflictError("payoutAccount.stripeNotOnboarded");
  const idempotencyKey = `login_link:${ctx.actor.partnerId}:${randomUUID()}`;
  try {
    const link = await stripeCall(
      () => stripe.accounts.createLoginLink(accountId, {}, { idempotencyKey }),
      (error) => error instanceof Stripe.errors.StripeInvalidRequestError,
    );
    return { url: link.url };
  } catch (error) {
    // Onboarding not finished (or the account gone): nothing to log in to yet.
    if (error instanceof Stripe.errors.StripeInvalidRequestError)
      throw new ConflictError("payoutAccount.stripeNotOnboarded");
    throw error;
  }
}
