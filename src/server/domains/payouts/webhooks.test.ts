import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_VERSION, signPayload, startStripeStandin, type StripeStandin } from "../../../../e2e/fixtures/stripe";
import {
  auditLog,
  ledgerEntries,
  payoutAccounts,
  payoutItems,
  payouts,
  payoutRuns,
  stripeEvents,
} from "@/server/db/schema";
import { getStripe, resetStripeClient } from "@/server/integrations/stripe";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM, type PartnerActor } from "../actor";
import { ConflictError } from "../errors";
import { balanceMismatches, doublyPaidEntries, partnerIdByName, postPayable } from "./fixtures";
import { approveRun, createRun, markRunExecuting } from "./runs";
import { markPaid, markProcessing, type Payout } from "./transitions";
import { handleStripeWebhook } from "./webhook-endpoint";

/** Lets a test make the next markPaid throw, as a crashed database or a refusal would. */
const inject = vi.hoisted(() => ({ markPaid: null as null | (() => Error) }));
vi.mock("./transitions", async (importOriginal) => {
  const real = await importOriginal<typeof import("./transitions")>();
  return {
    ...real,
    markPaid: (...args: Parameters<typeof real.markPaid>) => {
      const fault = inject.markPaid;
      inject.markPaid = null;
      return fault ? Promise.reject(fault()) : real.markPaid(...args);
    },
  };
});

const SECRET = "whsec_test_webhooks";
const { db, clock, admin, finance, actorByEmail, ctxOf } = await setupProgram();
const northwind = await partnerIdByName(db, "Northwind Analytics");
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const today = clock.now().toISOString().slice(0, 10);
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

let standin: StripeStandin;
let receiver: Server;

/** Our endpoint behind a real HTTP port, so the stand-in's own signed deliveries reach it byte for byte. */
async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      });
      void handleStripeWebhook(request, db, clock).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
}

beforeAll(async () => {
  standin = await startStripeStandin();
  standin.webhooks.configure({ url: await startReceiver(), secret: SECRET });
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_webhooks");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("STRIPE_API_BASE", standin.url);
  resetStripeClient();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetStripeClient();
  await standin.close();
  receiver.close();
});

let sequence = 0;
/** An event as Stripe sends it (API 2026), with the fields a test wants to pin. */
function stripeEvent(type: string, object: object, extra: { created?: number; account?: string; id?: string } = {}) {
  return {
    id: extra.id ?? `evt_test_${++sequence}`,
    object: "event",
    ...(extra.account ? { account: extra.account } : {}),
    api_version: API_VERSION,
    created: extra.created ?? nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

interface Delivery {
  secret?: string;
  timestamp?: number;
  /** null: no header at all. */
  signature?: string | null;
}

function deliver(event: object | string, options: Delivery = {}): Promise<Response> {
  const body = typeof event === "string" ? event : JSON.stringify(event, null, 2);
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  const signature =
    options.signature === undefined
      ? signPayload(body, options.secret ?? SECRET, options.timestamp)
      : options.signature;
  if (signature !== null) headers.set("stripe-signature", signature);
  const request = new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers, body });
  return handleStripeWebhook(request, db, clock);
}

/** Everything a webhook may touch, to compare before and after. */
async function snapshot() {
  const [events, accounts, payoutRows, entries, audits] = await Promise.all([
    db.select().from(stripeEvents).orderBy(asc(stripeEvents.eventId)),
    db.select().from(payoutAccounts).orderBy(asc(payoutAccounts.partnerId)),
    db.select().from(payouts).orderBy(asc(payouts.id)),
    db.select({ id: ledgerEntries.id, state: ledgerEntries.state }).from(ledgerEntries).orderBy(asc(ledgerEntries.id)),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog),
  ]);
  return { events, accounts, payouts: payoutRows, entries, audits: audits[0]!.n };
}

const storedEvent = async (id: string) => (await db.select().from(stripeEvents).where(eq(stripeEvents.eventId, id)))[0];
const payoutById = async (id: string) => (await db.select().from(payouts).where(eq(payouts.id, id)))[0]!;
const accountOf = async (partnerId: string) =>
  (await db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId)))[0];

async function entryStates(payoutId: string) {
  const rows = await db
    .select({ state: ledgerEntries.state })
    .from(payoutItems)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
    .where(eq(payoutItems.payoutId, payoutId));
  return [...new Set(rows.map((r) => r.state))];
}

/** A new approved, executing run holding one payout for the partner (from fresh payable money), taken by the executor. */
async function processingPayout(partnerId = northwind, amount = 12_345n): Promise<Payout> {
  await postPayable(db, partnerId, amount, "USD", clock.now());
  const run = await createRun(ctxOf(finance), { cutoff: today });
  await approveRun(ctxOf(admin), { runId: run.id });
  await markRunExecuting(ctxOf(SYSTEM), { runId: run.id });
  const [payout] = await db
    .select()
    .from(payouts)
    .where(and(eq(payouts.runId, run.id), eq(payouts.partnerId, partnerId)));
  return markProcessing(ctxOf(SYSTEM), payout!.id);
}

async function paidPayout(transferId: string): Promise<Payout> {
  const payout = await processingPayout();
  return markPaid(ctxOf(SYSTEM), payout.id, { transferId, at: clock.now() });
}

/** Stripe's Transfer object for a payout (as the executor sends it: the payout's id in metadata). */
function transferFor(payout: Payout, id: string, reversedAmount = 0, withMetadata = true) {
  const amount = Number(payout.amount);
  return {
    id,
    object: "transfer",
    amount,
    amount_reversed: reversedAmount,
    currency: payout.currency.toLowerCase(),
    created: nowSeconds(),
    destination: "acct_demo_northwind",
    livemode: false,
    metadata: withMetadata ? { payout_id: payout.id } : {},
    reversed: reversedAmount === amount,
    transfer_group: payout.runId,
  };
}

describe("the endpoint's checks", () => {
  it("answers 400 to a bad signature, a stale timestamp, no signature or a malformed event, storing nothing", async () => {
    const before = await snapshot();
    const event = stripeEvent("ping.test", { object: "thing" });
    const body = JSON.stringify(event);
    const cases: [Promise<Response>, string][] = [
      [deliver(event, { secret: "whsec_wrong" }), "signature does not match"],
      [deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }), "timestamp outside the tolerance"],
      [deliver(event, { signature: null }), "missing Stripe-Signature header"],
      [
        deliver(body.replace("ping.test", "ping.evil"), { signature: signPayload(body, SECRET) }),
        "signature does not match",
      ],
      [deliver("not json"), "malformed event"],
      [deliver({ ...event, id: undefined }), "malformed event"],
    ];
    for (const [response, error] of cases) {
      const answer = await response;
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ error });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 503 while no webhook secret is configured", async () => {
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    try {
      const response = await deliver(stripeEvent("ping.test", {}));
      expect(response.status).toBe(503);
    } finally {
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
    }
    const get = await handleStripeWebhook(new Request("http://localhost/api/webhooks/stripe"), db, clock);
    expect(get.status).toBe(405);
  });

  it("stores and acknowledges an unknown event type; its redelivery is a duplicate that changes nothing", async () => {
    const event = stripeEvent("payout.paid", { id: "po_1", object: "payout", amount: 100 }, { account: "acct_x" });
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await storedEvent(event.id)).toMatchObject({
      type: "payout.paid",
      account: "acct_x",
      outcome: "ignored",
      note: "no handler for payout.paid",
      handledAt: clock.now(),
    });
    const before = await snapshot();
    const again = await deliver(event);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await snapshot()).toEqual(before);
  });
});

describe("account.updated", () => {
  const brightpathAccount = "acct_demo_brightpath";
  const account = (state: "pending" | "enabled") => ({
    id: brightpathAccount,
    object: "account",
    type: "express",
    charges_enabled: state === "enabled",
    payouts_enabled: state === "enabled",
    details_submitted: true,
    capabilities: { transfers: state === "enabled" ? "active" : "pending" },
    requirements: {
      currently_due: [],
      eventually_due: [],
      past_due: [],
      pending_verification: state === "pending" ? ["individual.verification.document"] : [],
      current_deadline: null,
      disabled_reason: state === "pending" ? "requirements.pending_verification" : null,
    },
    metadata: {},
  });

  it("moves the onboarding state; an older event delivered later, and every replay, change nothing", async () => {
    const brightpath = await partnerIdByName(db, "Brightpath Media");
    expect((await accountOf(brightpath))!.onboardingState).toBe("details_needed");
    const older = stripeEvent("account.updated", account("pending"), {
      created: nowSeconds() + 60,
      account: brightpathAccount,
    });
    const newer = stripeEvent("account.updated", account("enabled"), {
      created: nowSeconds() + 120,
      account: brightpathAccount,
    });

    expect((await deliver(newer)).status).toBe(200);
    const enabled = await accountOf(brightpath);
    expect(enabled).toMatchObject({ onboardingState: "enabled", stripeSyncedAt: new Date(newer.created * 1000) });
    expect(await storedEvent(newer.id)).toMatchObject({
      outcome: "handled",
      note: `account ${brightpathAccount}: enabled`,
    });

    const afterNewer = await snapshot();
    expect((await deliver(older)).status).toBe(200);
    expect((await storedEvent(older.id))!.note).toMatch(/^older than the state we hold/);
    const afterOlder = await snapshot();
    expect(afterOlder.accounts).toEqual(afterNewer.accounts);
    expect(afterOlder.audits).toBe(afterNewer.audits);
    expect((await storedEvent(older.id))!.outcome).toBe("ignored");

    for (const replay of [newer, older, newer]) {
      const response = await deliver(replay);
      expect(await response.json()).toEqual({ received: true, duplicate: true });
    }
    expect(await snapshot()).toEqual(afterOlder);
  });

  it("ignores accounts that are not ours, and one a partner no longer uses", async () => {
    const before = await snapshot();
    const stranger = stripeEvent("account.updated", { ...account("enabled"), id: "acct_stranger" });
    await deliver(stranger);
    expect((await storedEvent(stranger.id))!.note).toBe("account acct_stranger is not one of ours");
    const cobalt = await partnerIdByName(db, "Cobalt Cloud Partners");
    const superseded = stripeEvent("account.updated", {
      ...account("pending"),
      id: "acct_cobalt_old",
      metadata: { partner_id: cobalt },
    });
    await deliver(superseded);
    expect((await storedEvent(superseded.id))!.note).toBe(
      `account acct_cobalt_old was replaced: partner ${cobalt} uses acct_demo_cobalt`,
    );
    const after = await snapshot();
    expect(after.accounts).toEqual(before.accounts);
    expect(after.audits).toBe(before.audits);
  });
});

describe("transfer events", () => {
  it("transfer.reversed reverses the payout and puts its commissions back to payable, once", async () => {
    const payout = await paidPayout("tr_reverse_me");
    expect(await entryStates(payout.id)).toEqual(["paid"]);
    const reversal = stripeEvent("transfer.reversed", transferFor(payout, "tr_reverse_me", Number(payout.amount)));
    expect((await deliver(reversal)).status).toBe(200);
    expect(await payoutById(payout.id)).toMatchObject({
      state: "reversed",
      failureCode: "transfer_reversed",
      failureMessage: "Stripe reversed transfer tr_reverse_me.",
    });
    expect(await entryStates(payout.id)).toEqual(["payable"]);
    expect(await storedEvent(reversal.id)).toMatchObject({ outcome: "handled", note: `payout ${payout.id} reversed` });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, payout.id), eq(auditLog.action, "payout.reversed")));
    expect(audit).toMatchObject({ actorKind: "system" });

    const before = await snapshot();
    expect(await (await deliver(reversal)).json()).toEqual({ received: true, duplicate: true });
    // The same reversal again, as Stripe's transfer.updated: a new event, still nothing to do.
    const updated = stripeEvent("transfer.updated", transferFor(payout, "tr_reverse_me", Number(payout.amount)));
    expect((await deliver(updated)).status).toBe(200);
    expect((await storedEvent(updated.id))!.note).toBe(`payout ${payout.id} already reversed`);
    const after = await snapshot();
    expect(after.payouts).toEqual(before.payouts);
    expect(after.entries).toEqual(before.entries);
    expect(after.audits).toBe(before.audits);
    expect(await balanceMismatches(db)).toEqual([]);
    expect(await doublyPaidEntries(db)).toEqual([]);
  });

  it("finds a payout by its recorded transfer when the metadata is missing; a partial reversal is left to finance", async () => {
    const [paid] = await db
      .select()
      .from(payouts)
      .innerJoin(payoutRuns, eq(payoutRuns.id, payouts.runId))
      .where(and(eq(payoutRuns.status, "completed"), eq(payouts.method, "stripe"), eq(payouts.state, "paid")));
    const payout = paid!.payouts;
    const transferId = payout.stripeTransferId!;
    const half = Number(payout.amount / 2n);
    const partial = stripeEvent("transfer.reversed", transferFor(payout, transferId, half, false));
    expect((await deliver(partial)).status).toBe(200);
    const stored = await storedEvent(partial.id);
    expect(stored!.outcome).toBe("ignored");
    expect(stored!.note).toContain("partial reversal for finance");
    expect(stored!.note).toContain(payout.id);
    expect((await payoutById(payout.id)).state).toBe("paid");

    const full = stripeEvent("transfer.reversed", transferFor(payout, transferId, Number(payout.amount), false));
    await deliver(full);
    expect((await payoutById(payout.id)).state).toBe("reversed");
    expect(await entryStates(payout.id)).toEqual(["payable"]);
  });

  it("a reversal of a transfer that did not pay the payout leaves it paid", async () => {
    const payout = await paidPayout("tr_the_real_one");
    const before = await snapshot();
    const stray = stripeEvent("transfer.reversed", transferFor(payout, "tr_a_duplicate", Number(payout.amount)));
    await deliver(stray);
    expect((await storedEvent(stray.id))!.note).toBe(
      `transfer tr_a_duplicate did not pay payout ${payout.id}; left to reconciliation`,
    );
    const after = await snapshot();
    expect(after.payouts).toEqual(before.payouts);
    expect(after.audits).toBe(before.audits);
  });

  it("transfer.created pays a payout still processing (the executor's safety net), once; unknown transfers create nothing", async () => {
    const payout = await processingPayout();
    const created = stripeEvent("transfer.created", transferFor(payout, "tr_safety_net"));
    expect((await deliver(created)).status).toBe(200);
    expect(await payoutById(payout.id)).toMatchObject({ state: "paid", stripeTransferId: "tr_safety_net" });
    expect(await entryStates(payout.id)).toEqual(["paid"]);

    const before = await snapshot();
    expect(await (await deliver(created)).json()).toEqual({ received: true, duplicate: true });
    const echo = stripeEvent("transfer.created", transferFor(payout, "tr_safety_net"));
    await deliver(echo);
    expect((await storedEvent(echo.id))!.note).toBe(`payout ${payout.id} already recorded as paid by tr_safety_net`);
    const unknown = stripeEvent("transfer.created", {
      ...transferFor(payout, "tr_nobody"),
      metadata: { payout_id: "00000000-0000-4000-8000-000000000000" },
    });
    await deliver(unknown);
    expect((await storedEvent(unknown.id))!.note).toBe("transfer tr_nobody is for no payout of ours");
    const after = await snapshot();
    expect(after.payouts).toEqual(before.payouts);
    expect(after.audits).toBe(before.audits);
  });

  it("never pays a payout with a transfer of another amount", async () => {
    const payout = await processingPayout();
    const wrong = stripeEvent("transfer.created", { ...transferFor(payout, "tr_wrong_amount"), amount: 1 });
    await deliver(wrong);
    expect((await storedEvent(wrong.id))!.note).toMatch(/does not match payout .* left to reconciliation$/);
    expect((await payoutById(payout.id)).state).toBe("processing");
  });

  it("a reversal delivered before its transfer.created still records the payment and reverses it", async () => {
    const payout = await processingPayout();
    const transfer = transferFor(payout, "tr_out_of_order");
    const createdEvent = stripeEvent("transfer.created", transfer, { created: nowSeconds() });
    const reversedEvent = stripeEvent(
      "transfer.reversed",
      { ...transfer, amount_reversed: transfer.amount, reversed: true },
      { created: nowSeconds() + 5 },
    );
    await deliver(reversedEvent);
    expect(await payoutById(payout.id)).toMatchObject({ state: "reversed", stripeTransferId: "tr_out_of_order" });
    expect(await entryStates(payout.id)).toEqual(["payable"]);
    const before = await snapshot();
    await deliver(createdEvent);
    expect((await storedEvent(createdEvent.id))!.note).toBe(
      `payout ${payout.id} is reversed; transfer tr_out_of_order left to reconciliation`,
    );
    const after = await snapshot();
    expect(after.payouts).toEqual(before.payouts);
    expect(after.entries).toEqual(before.entries);
    expect(after.audits).toBe(before.audits);
  });

  it("concurrent deliveries of one event are handled once", async () => {
    const payout = await processingPayout();
    const event = stripeEvent("transfer.created", transferFor(payout, "tr_concurrent"));
    const answers = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { duplicate: boolean }[];
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    const paid = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, payout.id), eq(auditLog.action, "payout.paid")));
    expect(paid).toHaveLength(1);
  });
});

describe("refusals and failures", () => {
  it("records a business refusal as ignored, with its reason, and answers 200 so Stripe stops", async () => {
    const payout = await processingPayout();
    inject.markPaid = () => new ConflictError("payout.inFlight", "payoutId");
    const event = stripeEvent("transfer.created", transferFor(payout, "tr_refused"));
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(await storedEvent(event.id)).toMatchObject({ outcome: "ignored", note: "refused: payout.inFlight" });
    expect((await payoutById(payout.id)).state).toBe("processing");
    expect(await (await deliver(event)).json()).toEqual({ received: true, duplicate: true });
    expect((await payoutById(payout.id)).state).toBe("processing");
  });

  it("records an unexpected error as failed and answers 500; the next delivery handles the event", async () => {
    const payout = await processingPayout();
    const before = await snapshot();
    inject.markPaid = () => new Error("connection terminated unexpectedly");
    const event = stripeEvent("transfer.created", transferFor(payout, "tr_after_failure"));
    const failed = await deliver(event);
    expect(failed.status).toBe(500);
    expect(await storedEvent(event.id)).toMatchObject({
      outcome: "failed",
      note: "error: connection terminated unexpectedly",
      handledAt: null,
    });
    const afterFailure = await snapshot();
    expect(afterFailure.payouts).toEqual(before.payouts);
    expect(afterFailure.audits).toBe(before.audits);

    const retried = await deliver(event);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ received: true, duplicate: false });
    expect(await storedEvent(event.id)).toMatchObject({ outcome: "handled", handledAt: clock.now() });
    expect(await payoutById(payout.id)).toMatchObject({ state: "paid", stripeTransferId: "tr_after_failure" });
    expect(await (await deliver(event)).json()).toEqual({ received: true, duplicate: true });
  });
});

describe("through the stand-in's own deliveries", () => {
  it("onboarding, a transfer and its reversal reach the partner's rows from signed webhooks alone", async () => {
    const stripe = getStripe();
    const account = await stripe.accounts.create(
      { type: "express", country: "CA", metadata: { partner_id: kestrel.partnerId } },
      { idempotencyKey: `account:${kestrel.partnerId}` },
    );
    await fetch(`${standin.url}/_standin/accounts/${account.id}/complete`, { method: "POST" });
    await standin.webhooks.idle();
    expect(await accountOf(kestrel.partnerId)).toMatchObject({
      stripeAccountId: account.id,
      onboardingState: "enabled",
    });

    const payout = await processingPayout(kestrel.partnerId, 20_000n);
    const transfer = await stripe.transfers.create(
      {
        amount: Number(payout.amount),
        currency: payout.currency.toLowerCase(),
        destination: account.id,
        transfer_group: payout.runId,
        metadata: { payout_id: payout.id },
      },
      { idempotencyKey: `payout:${payout.id}:1` },
    );
    await standin.webhooks.idle();
    expect(await payoutById(payout.id)).toMatchObject({ state: "paid", stripeTransferId: transfer.id });

    await stripe.transfers.createReversal(transfer.id, {}, { idempotencyKey: `reversal:${payout.id}` });
    await standin.webhooks.idle();
    expect((await payoutById(payout.id)).state).toBe("reversed");
    expect(await entryStates(payout.id)).toEqual(["payable"]);
    expect(standin.webhooks.stats.failed).toBe(0);
    const outcomes = await db
      .select({ type: stripeEvents.type, outcome: stripeEvents.outcome })
      .from(stripeEvents)
      .where(sql`${stripeEvents.eventId} not like 'evt_test_%'`);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { type: "account.updated", outcome: "handled" },
        { type: "transfer.created", outcome: "handled" },
        { type: "transfer.reversed", outcome: "handled" },
      ]),
    );
  });
});
