import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startStripeStandin, type StripeStandin } from "../../../../e2e/fixtures/stripe";
import { auditLog, payoutAccounts } from "@/server/db/schema";
import { resetStripeClient } from "@/server/integrations/stripe";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import {
  refreshStripeAccount,
  startOnboardingInput,
  startStripeOnboarding,
  stripeDashboardLink,
  stripeOnboardingUrls,
} from "./onboarding";

const { db, finance, partnerOwner, partnerMember, actorByEmail, ctxOf } = await setupProgram();
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const brightpath = (await actorByEmail("hannah@brightpath.demo")) as PartnerActor;
const rimal = (await actorByEmail("omar@rimal.demo")) as PartnerActor;

// The route handlers read the session and the database through these two modules.
const session: { userId: string | null } = { userId: null };
vi.mock("@/server/auth/current", async () => {
  const { loadSessionActor } = await import("@/server/auth/actor");
  return { getCurrentActor: async () => (session.userId ? loadSessionActor(db, { id: session.userId }) : null) };
});
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));
const returnRoute = await import("@/app/api/payouts/stripe/return/route");
const refreshRoute = await import("@/app/api/payouts/stripe/refresh/route");

let standin: StripeStandin;
const urls = stripeOnboardingUrls("http://localhost:3000");

beforeAll(async () => {
  standin = await startStripeStandin();
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_onboarding");
  vi.stubEnv("STRIPE_API_BASE", standin.url);
  resetStripeClient();
});

afterEach(() => standin.faults.clear());

afterAll(async () => {
  vi.unstubAllEnvs();
  resetStripeClient();
  await standin.close();
});

const rowOf = async (partnerId: string) =>
  (await db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId)))[0];
const auditsOf = async (partnerId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, partnerId), eq(auditLog.action, action)));
const accountsNaming = (partnerId: string) =>
  [...standin.state.accounts.values()].filter((a) => a.metadata.partner_id === partnerId);
const linkToken = (url: string) => new URL(url).searchParams.get("link")!;

/** What the hosted page's button does: completes the account and sends the browser to return_url. */
async function submitOnboarding(url: string): Promise<Response> {
  const { pathname } = new URL(url);
  return fetch(`${standin.url}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ link: linkToken(url) }),
    redirect: "manual",
  });
}

describe("startStripeOnboarding", () => {
  it("takes only its own app's http(s) URLs as input", () => {
    expect(startOnboardingInput.safeParse(urls).success).toBe(true);
    expect(urls.returnUrl).toBe("http://localhost:3000/api/payouts/stripe/return");
    expect(urls.refreshUrl).toBe("http://localhost:3000/api/payouts/stripe/refresh");
    expect(startOnboardingInput.safeParse({ ...urls, returnUrl: "javascript:alert(1)" }).success).toBe(false);
  });

  it("is the owner's alone: a member creates nothing", async () => {
    const before = standin.state.accounts.size;
    for (const call of [
      () => startStripeOnboarding(ctxOf(partnerMember), urls),
      () => refreshStripeAccount(ctxOf(partnerMember)),
      () => stripeDashboardLink(ctxOf(partnerMember)),
    ]) {
      await expect(call()).rejects.toMatchObject({ kind: "forbidden", code: "payoutAccount.ownerOnly" });
    }
    expect(standin.state.accounts.size).toBe(before);
  });

  it("says Stripe is unavailable where it is not configured", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    resetStripeClient();
    try {
      await expect(startStripeOnboarding(ctxOf(kestrel), urls)).rejects.toMatchObject({
        kind: "conflict",
        code: "payoutAccount.stripeUnavailable",
      });
      await expect(stripeDashboardLink(ctxOf(partnerOwner))).rejects.toMatchObject({
        code: "payoutAccount.stripeUnavailable",
      });
    } finally {
      vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_onboarding");
      resetStripeClient();
    }
    expect(await rowOf(kestrel.partnerId)).toBeUndefined();
  });

  it("creates one Express account per partner, and every call mints a fresh link to it", async () => {
    const first = await startStripeOnboarding(ctxOf(kestrel), urls);
    expect(first.url.startsWith(`${standin.url}/_standin/onboard/acct_`)).toBe(true);
    const row = await rowOf(kestrel.partnerId);
    expect(row).toMatchObject({ method: "stripe", onboardingState: "details_needed" });
    expect(row!.currentlyDue.length).toBeGreaterThan(0);
    const [account] = accountsNaming(kestrel.partnerId);
    expect(account).toMatchObject({
      id: row!.stripeAccountId,
      type: "express",
      country: "CA",
      email: "noah@kestrel.demo",
      metadata: { partner_id: kestrel.partnerId },
    });
    expect(Object.keys(account!.capabilities)).toEqual(["transfers"]);
    expect(await (await fetch(first.url)).text()).toContain("Complete onboarding");

    const second = await startStripeOnboarding(ctxOf(kestrel), urls);
    expect(second.url).not.toBe(first.url);
    expect(new URL(second.url).pathname).toBe(new URL(first.url).pathname);
    expect(accountsNaming(kestrel.partnerId)).toHaveLength(1);
    const connected = await auditsOf(kestrel.partnerId, "payoutAccount.stripeConnected");
    expect(connected).toHaveLength(1);
    expect(connected[0]).toMatchObject({ actorId: kestrel.userId, actorKind: "partner" });
    expect(connected[0]!.after).toEqual({ stripeAccountId: account!.id, onboardingState: "details_needed" });
  });

  it("gets one account even when Stripe's answer to the create is lost (the retry replays the key)", async () => {
    standin.faults.crashAfterAccept({ path: "/v1/accounts" });
    await startStripeOnboarding(ctxOf(rimal), urls);
    expect(standin.faults.current().armedCrashes).toBe(0);
    const accounts = accountsNaming(rimal.partnerId);
    expect(accounts).toHaveLength(1);
    const row = await rowOf(rimal.partnerId);
    expect(row!.stripeAccountId).toBe(accounts[0]!.id);
    // Rimal is paid by bank: connecting Stripe leaves the method its owner chose.
    expect(row!.method).toBe("bank");
    expect(row!.bankIban).toBe("AE070331234567890123456");
  });

  it("replaces an account Stripe no longer has", async () => {
    expect((await rowOf(brightpath.partnerId))!.stripeAccountId).toBe("acct_demo_brightpath");
    const { url } = await startStripeOnboarding(ctxOf(brightpath), urls);
    const row = await rowOf(brightpath.partnerId);
    expect(row!.stripeAccountId).not.toBe("acct_demo_brightpath");
    expect(url).toContain(`/_standin/onboard/${row!.stripeAccountId}?`);
    const [replaced] = await auditsOf(brightpath.partnerId, "payoutAccount.stripeConnected");
    expect(replaced!.before).toMatchObject({ stripeAccountId: "acct_demo_brightpath" });
    // Once replaced, the next call keeps the new account.
    await startStripeOnboarding(ctxOf(brightpath), urls);
    expect(accountsNaming(brightpath.partnerId)).toHaveLength(1);
  });

  it("turns a Stripe that keeps failing into an error the owner can act on, writing nothing", async () => {
    const before = await rowOf(kestrel.partnerId);
    standin.faults.configure({ rate: 1, kinds: { server_error: 1 }, paths: ["/v1/account_links"] });
    await expect(startStripeOnboarding(ctxOf(kestrel), urls)).rejects.toMatchObject({
      kind: "conflict",
      code: "payoutAccount.stripeFailed",
    });
    expect(await rowOf(kestrel.partnerId)).toEqual(before);
  });
});

describe("return, refresh and the Express dashboard", () => {
  it("gives no dashboard link before the details are submitted", async () => {
    await expect(stripeDashboardLink(ctxOf(kestrel))).rejects.toMatchObject({
      kind: "conflict",
      code: "payoutAccount.stripeNotOnboarded",
    });
    const noAccount = (await actorByEmail("priya@saffron.demo")) as PartnerActor;
    await expect(stripeDashboardLink(ctxOf(noAccount))).rejects.toMatchObject({
      code: "payoutAccount.stripeNotOnboarded",
    });
    expect(await refreshStripeAccount(ctxOf(noAccount))).toBeNull();
  });

  it("finishing on Stripe returns to our return route, which records the account as enabled", async () => {
    const { url } = await startStripeOnboarding(ctxOf(kestrel), urls);
    const done = await submitOnboarding(url);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(urls.returnUrl);

    session.userId = kestrel.userId;
    const back = await returnRoute.GET();
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("http://localhost:3000/payouts?stripe=returned");
    const row = await rowOf(kestrel.partnerId);
    expect(row).toMatchObject({ onboardingState: "enabled", currentlyDue: [], disabledReason: null });
    const [updated] = await auditsOf(kestrel.partnerId, "payoutAccount.stripeUpdated");
    expect(updated!.after).toMatchObject({ onboardingState: "enabled" });

    const dashboard = await stripeDashboardLink(ctxOf(kestrel));
    expect(dashboard.url).toBe(`${standin.url}/_standin/express/${row!.stripeAccountId}`);
  });

  it("a used or expired link goes to our refresh route, which sends the partner to a fresh one", async () => {
    const { url } = await startStripeOnboarding(ctxOf(brightpath), urls);
    standin.state.accountLinks.get(linkToken(url))!.expiresAt = 0;
    const expired = await fetch(url, { redirect: "manual" });
    expect(expired.headers.get("location")).toBe(urls.refreshUrl);

    session.userId = brightpath.userId;
    const renewed = await refreshRoute.GET();
    expect(renewed.status).toBe(303);
    const fresh = renewed.headers.get("location")!;
    expect(fresh).not.toBe(url);
    expect(new URL(fresh).pathname).toBe(new URL(url).pathname);
    expect(await (await fetch(fresh)).text()).toContain("Complete onboarding");
  });

  it("the routes send the signed-out to sign in, staff away, and a member's refusal back to the settings", async () => {
    session.userId = null;
    expect((await refreshRoute.GET()).headers.get("location")).toBe(
      "http://localhost:3000/login?callbackUrl=%2Fapi%2Fpayouts%2Fstripe%2Frefresh",
    );
    expect((await returnRoute.GET()).headers.get("location")).toBe(
      "http://localhost:3000/login?callbackUrl=%2Fapi%2Fpayouts%2Fstripe%2Freturn",
    );
    session.userId = finance.userId;
    expect((await refreshRoute.GET()).headers.get("location")).toBe("http://localhost:3000/manage");
    session.userId = partnerMember.userId;
    const before = standin.state.accounts.size;
    expect((await refreshRoute.GET()).headers.get("location")).toBe(
      "http://localhost:3000/payouts?stripe=error&code=payoutAccount.ownerOnly",
    );
    // Returning is harmless for a member: nothing is read, they land on the settings.
    expect((await returnRoute.GET()).headers.get("location")).toBe("http://localhost:3000/payouts?stripe=returned");
    expect(standin.state.accounts.size).toBe(before);
  });
});
