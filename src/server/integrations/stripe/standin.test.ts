import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signPayload, startStripeStandin, type StripeStandin } from "../../../../e2e/fixtures/stripe";
import { getStripe, isStripeConfigured, parseApiBase, resetStripeClient, StripeNotConfiguredError } from ".";

const WEBHOOK_SECRET = "whsec_test_standin";

interface Delivery {
  body: string;
  signature: string;
}

/** A tiny webhook endpoint that keeps raw bodies, and can be told to fail the next N deliveries. */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const control = { failNext: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (control.failNext > 0) {
        control.failNext--;
        res.writeHead(500).end();
        return;
      }
      deliveries.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["stripe-signature"]),
      });
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/stripe`, deliveries, control, close: () => server.close() };
}

let standin: StripeStandin;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stripe: Stripe;

const control = async (path: string, body?: unknown, method = "POST") => {
  const res = await fetch(`${standin.url}/_standin${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

/** Verified events the receiver got so far, after the stand-in's queue drained. */
async function receivedEvents(): Promise<Stripe.Event[]> {
  await standin.webhooks.idle();
  return receiver.deliveries.map((d) => stripe.webhooks.constructEvent(d.body, d.signature, WEBHOOK_SECRET));
}

async function onboardedAccount(email = "partner@example.com"): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type: "express", country: "US", email });
  await control(`/accounts/${account.id}/complete`);
  return account;
}

beforeAll(async () => {
  receiver = await startReceiver();
  standin = await startStripeStandin({ webhook: { url: receiver.url, secret: WEBHOOK_SECRET } });
  stripe = new Stripe("sk_test_x", { host: "127.0.0.1", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
});

afterEach(() => standin.faults.clear());

afterAll(async () => {
  await standin.close();
  receiver.close();
});

describe("our client (getStripe)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetStripeClient();
  });

  it("is not configured without a key, and says so instead of building a client", () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    expect(isStripeConfigured()).toBe(false);
    expect(() => getStripe()).toThrow(StripeNotConfiguredError);
  });

  it("reaches the stand-in through STRIPE_API_BASE", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_from_env");
    vi.stubEnv("STRIPE_API_BASE", standin.url);
    expect(isStripeConfigured()).toBe(true);
    const balance = await getStripe().balance.retrieve();
    expect(balance.object).toBe("balance");
    expect(getStripe()).toBe(getStripe());
  });

  it("splits the API base into the SDK's host, port and protocol", () => {
    expect(parseApiBase("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" });
    expect(parseApiBase("https://api.stripe.com")).toEqual({ host: "api.stripe.com", port: 443, protocol: "https" });
    expect(() => parseApiBase("http://127.0.0.1:12111/v1")).toThrow();
  });
});

describe("authentication and envelope", () => {
  it("answers 401 without an API key, with a Request-Id", async () => {
    const res = await fetch(`${standin.url}/v1/balance`);
    expect(res.status).toBe(401);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it("rejects live keys and unknown parameters", async () => {
    const live = new Stripe("sk_live_x", { host: "127.0.0.1", port: standin.port, protocol: "http" });
    await expect(live.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const err = await stripe.transfers
      .create({ amount: 1, currency: "usd", destination: "acct_x", nonsense: "1" } as Stripe.TransferCreateParams)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).code).toBe("parameter_unknown");
  });
});

describe("Connect onboarding", () => {
  it("creates an Express account that owes requirements, links it, completes it and fires account.updated", async () => {
    const account = await stripe.accounts.create({
      type: "express",
      country: "US",
      email: "owner@acme.test",
      capabilities: { transfers: { requested: true } },
      metadata: { partnerId: "p_1" },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.metadata).toEqual({ partnerId: "p_1" });
    expect(account.payouts_enabled).toBe(false);
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    expect(account.requirements?.current_deadline).toBeGreaterThan(Date.now() / 1000);
    expect(account.controller?.stripe_dashboard?.type).toBe("express");

    const link = await stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://app.test/payouts/refresh",
      return_url: "http://app.test/payouts/return",
      type: "account_onboarding",
    });
    expect(link.object).toBe("account_link");
    expect(link.expires_at - link.created).toBe(300);
    const page = await (await fetch(link.url)).text();
    expect(page).toContain("Complete onboarding");

    // Not onboarded yet: no transfers to it.
    const refused = await stripe.transfers
      .create({ amount: 100, currency: "usd", destination: account.id })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((refused as Stripe.errors.StripeError).code).toBe("insufficient_capabilities_for_transfer");

    await control(`/accounts/${account.id}/complete`);
    const done = await stripe.accounts.retrieve(account.id);
    expect(done).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect(done.requirements).toMatchObject({ currently_due: [], past_due: [], disabled_reason: null });
    expect(done.capabilities?.transfers).toBe("active");

    const updated = (await receivedEvents()).find((e) => e.type === "account.updated" && e.account === account.id);
    expect(updated).toBeDefined();
    expect((updated!.data.object as Stripe.Account).payouts_enabled).toBe(true);

    const login = await stripe.accounts.createLoginLink(account.id);
    expect(login.object).toBe("login_link");
  });

  it("completes through the hosted page's form and redirects to return_url; a used link goes to refresh_url", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
      type: "account_onboarding",
    });
    const token = new URL(link.url).searchParams.get("link")!;
    const submit = () =>
      fetch(`${standin.url}/_standin/onboard/${account.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ link: token }),
        redirect: "manual",
      });
    const first = await submit();
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("http://app.test/return");
    expect((await stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(true);
    expect((await submit()).headers.get("location")).toBe("http://app.test/refresh");
  });

  it("expires account links after five minutes: the page sends the visitor to refresh_url", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
      type: "account_onboarding",
    });
    standin.state.accountLinks.get(new URL(link.url).searchParams.get("link")!)!.expiresAt = link.created - 1;
    const res = await fetch(link.url, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://app.test/refresh");
    expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
  });
});

describe("transfers", () => {
  let destination: Stripe.Account;
  beforeAll(async () => {
    destination = await onboardedAccount();
  });

  const transfer = (amount: number, group: string, key?: string, currency = "usd") =>
    stripe.transfers.create(
      { amount, currency, destination: destination.id, transfer_group: group, metadata: { payout: group } },
      key ? { idempotencyKey: key } : undefined,
    );

  it("replays a request with the same idempotency key: one transfer, same id", async () => {
    const first = await transfer(1500, "run-idem", "payout-idem-1");
    const again = await transfer(1500, "run-idem", "payout-idem-1");
    expect(first.id).toMatch(/^tr_/);
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(standin.state.transferCount("run-idem")).toBe(1);
    expect(first).toMatchObject({ object: "transfer", livemode: false, amount_reversed: 0, reversed: false });
  });

  it("refuses the same key with other parameters", async () => {
    await transfer(700, "run-mismatch", "payout-mismatch");
    const err = await transfer(701, "run-mismatch", "payout-mismatch").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(standin.state.transferCount("run-mismatch")).toBe(1);
  });

  it("answers 409 to a concurrent request with a key still in progress", async () => {
    standin.faults.configure({ rate: 1, kinds: { slow: 1 }, slowMs: 500, paths: ["/v1/transfers"], methods: ["POST"] });
    const posts = () => standin.state.snapshotCounters().transferPostsReceived;
    const before = posts();
    const first = transfer(900, "run-concurrent", "payout-concurrent");
    // Send the twin only once the first is in the server (and so holds the key).
    await vi.waitFor(() => expect(posts()).toBe(before + 1), { interval: 5 });
    const results = await Promise.allSettled([first, transfer(900, "run-concurrent", "payout-concurrent")]);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const err = (rejected[0] as PromiseRejectedResult).reason as Stripe.errors.StripeError;
    expect(err.statusCode).toBe(409);
    expect(err.rawType).toBe("idempotency_error");
    expect(standin.state.transferCount("run-concurrent")).toBe(1);
  });

  it("lists by transfer_group newest first and paginates with autoPagingToArray", async () => {
    const created: string[] = [];
    for (let i = 0; i < 25; i++) created.push((await transfer(100 + i, "run-list", `list-${i}`)).id);
    await transfer(5, "run-other");
    const all = await stripe.transfers
      .list({ transfer_group: "run-list", limit: 10 })
      .autoPagingToArray({ limit: 100 });
    expect(all.map((t) => t.id)).toEqual([...created].reverse());
    const page = await stripe.transfers.list({ transfer_group: "run-list", limit: 5, ending_before: created[10] });
    expect(page.data.map((t) => t.id)).toEqual(created.slice(11, 16).reverse());
    expect(page.has_more).toBe(true);
    const recent = await stripe.transfers.list({ destination: destination.id, created: { gte: all[0]!.created } });
    expect(recent.object).toBe("list");
    expect(recent.url).toBe("/v1/transfers");
  });

  it("reverses a transfer in part and in full, and fires transfer.reversed", async () => {
    const t = await transfer(1000, "run-reversal", "payout-reversal");
    const reversal = await stripe.transfers.createReversal(t.id, { amount: 300 });
    expect(reversal).toMatchObject({ object: "transfer_reversal", amount: 300, transfer: t.id, currency: "usd" });
    expect(reversal.id).toMatch(/^trr_/);
    expect(await stripe.transfers.retrieve(t.id)).toMatchObject({ amount_reversed: 300, reversed: false });
    await stripe.transfers.createReversal(t.id);
    const full = await stripe.transfers.retrieve(t.id);
    expect(full).toMatchObject({ amount_reversed: 1000, reversed: true });
    expect(full.reversals.data).toHaveLength(2);
    await expect(stripe.transfers.createReversal(t.id, { amount: 1 })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    const reversed = (await receivedEvents()).filter(
      (e) => e.type === "transfer.reversed" && (e.data.object as Stripe.Transfer).id === t.id,
    );
    expect(reversed).toHaveLength(2);
  });

  it("debits the platform balance, and refuses what it cannot cover", async () => {
    const amountOf = (b: Stripe.Balance, currency: string) => b.available.find((a) => a.currency === currency)!.amount;
    const before = await stripe.balance.retrieve();
    await transfer(1234, "run-balance", undefined, "eur");
    expect(amountOf(before, "eur") - amountOf(await stripe.balance.retrieve(), "eur")).toBe(1234);
    const connected = await stripe.balance.retrieve({}, { stripeAccount: destination.id });
    expect(amountOf(connected, "eur")).toBeGreaterThanOrEqual(1234);

    await control("/balance", { gbp: 100 });
    const err = await transfer(500, "run-poor", "payout-poor", "gbp").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).code).toBe("balance_insufficient");
    expect(standin.state.transferCount("run-poor")).toBe(0);
  });

  it("injects 429, 500 and dropped connections the SDK reports as its own error classes", async () => {
    const only = (kind: "rate_limit" | "server_error" | "drop") =>
      standin.faults.configure({ rate: 1, kinds: { [kind]: 1 }, paths: ["/v1/transfers"] });
    only("rate_limit");
    const limited = await transfer(1, "run-faults").catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect((limited as Stripe.errors.StripeError).code).toBe("rate_limit");
    only("server_error");
    const broken = await transfer(1, "run-faults").catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((broken as Stripe.errors.StripeError).statusCode).toBe(500);
    only("drop");
    await expect(transfer(1, "run-faults")).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(standin.state.transferCount("run-faults")).toBe(0);
    // Control paths are never faulted.
    standin.faults.configure({ rate: 1, paths: ["/"] });
    await control("/health", undefined, "GET");
  });

  it("picks the same faults for the same seed", async () => {
    const run = async () => {
      await control("/faults", {
        rate: 0.3,
        seed: 42,
        kinds: { rate_limit: 1, server_error: 1 },
        paths: ["/v1/balance"],
      });
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        outcomes.push(
          await stripe.balance.retrieve().then(
            () => "ok",
            (e: Stripe.errors.StripeError) => String(e.statusCode),
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain("ok");
    expect(first.some((o) => o !== "ok")).toBe(true);
  });

  it("survives a crash after Stripe accepted: one transfer, which a retry with the same key replays", async () => {
    const postsBefore = standin.state.snapshotCounters().transferPostsReceived;
    await control("/faults/crash-after-accept", {});
    const lost = await transfer(4200, "run-crash", "payout-crash").catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(standin.state.transferCount("run-crash")).toBe(1);
    const stored = standin.state.transfersByGroup.get("run-crash")![0]!;

    const retried = await transfer(4200, "run-crash", "payout-crash");
    expect(retried.id).toBe(stored.id);
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(standin.state.transferCount("run-crash")).toBe(1);
    const count = await control("/transfers/count?transfer_group=run-crash", undefined, "GET");
    expect(count.count).toBe(1);
    // Ours, the SDK's own reconnect retry (swallowed too), and the replay.
    expect(standin.state.snapshotCounters().transferPostsReceived - postsBefore).toBe(3);
  });

  it("keeps up with a burst of transfers", async () => {
    const started = performance.now();
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 30 }, (_, i) => transfer(1, "run-burst", `burst-${batch}-${i}`)));
    }
    expect(standin.state.transferCount("run-burst")).toBe(300);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("webhooks and events", () => {
  it("signs every delivery so constructEvent accepts it, and nothing else", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    standin.sendEvent("payout.paid", { id: "po_test_1", object: "payout", amount: 100, status: "paid" }, account.id);
    const events = await receivedEvents();
    const paid = events.find((e) => e.type === "payout.paid");
    expect(paid?.account).toBe(account.id);
    expect(paid?.id).toMatch(/^evt_/);
    expect(paid?.api_version).toBe("2026-10-28.endive");

    const { body } = receiver.deliveries.at(-1)!;
    expect(() => stripe.webhooks.constructEvent(body, signPayload(body, "whsec_wrong"), WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signPayload(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600);
    expect(() => stripe.webhooks.constructEvent(body, stale, WEBHOOK_SECRET)).toThrow(/timestamp/i);
    expect(() =>
      stripe.webhooks.constructEvent(body.replace("100", "999"), receiver.deliveries.at(-1)!.signature, WEBHOOK_SECRET),
    ).toThrow();
  });

  it("retries a failed delivery", async () => {
    receiver.control.failNext = 2;
    const before = standin.webhooks.stats.delivered;
    standin.sendEvent("balance.available", { object: "balance", available: [] });
    await standin.webhooks.idle();
    expect(standin.webhooks.stats.delivered).toBe(before + 1);
    expect(receiver.deliveries.at(-1)!.body).toContain("balance.available");
  });

  it("lists events per account: Connect events with Stripe-Account, platform events without", async () => {
    const account = await onboardedAccount("events@example.com");
    const connect = await stripe.events.list({ type: "account.*" }, { stripeAccount: account.id });
    expect(connect.data.map((e) => e.type)).toContain("account.updated");
    const platform = await stripe.events.list({ type: "transfer.created", limit: 3 });
    expect(platform.data.every((e) => e.account === undefined && e.type === "transfer.created")).toBe(true);
    const one = await stripe.events.retrieve(platform.data[0]!.id);
    expect(one.id).toBe(platform.data[0]!.id);
  });
});
