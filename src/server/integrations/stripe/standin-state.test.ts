import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startStripeStandin, type StripeStandin } from "../../../../e2e/fixtures/stripe";

/**
 * The stand-in's `stateFile`: the demo keeps its database across restarts, so the connected
 * accounts and transfers that database names must survive the stand-in's own restart.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierwise-standin-state-"));
const open: StripeStandin[] = [];

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(file: string): Promise<{ standin: StripeStandin; stripe: Stripe }> {
  const standin = await startStripeStandin({ stateFile: file });
  open.push(standin);
  const stripe = new Stripe("sk_test_state", {
    host: "127.0.0.1",
    port: standin.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  return { standin, stripe };
}

async function stop(standin: StripeStandin): Promise<void> {
  open.splice(open.indexOf(standin), 1);
  await standin.close();
}

async function completeOnboarding(standin: StripeStandin, account: string): Promise<void> {
  const res = await fetch(`${standin.url}/_standin/accounts/${account}/complete`, { method: "POST" });
  expect(res.status).toBe(200);
}

/** The raw answer to an idempotent transfer request, so the replay headers can be read. */
async function postTransfer(standin: StripeStandin, key: string, form: Record<string, string>) {
  const res = await fetch(`${standin.url}/v1/transfers`, {
    method: "POST",
    headers: {
      Authorization: "Bearer sk_test_state",
      "Content-Type": "application/x-www-form-urlencoded",
      "Idempotency-Key": key,
    },
    body: new URLSearchParams(form),
  });
  return { status: res.status, replayed: res.headers.get("idempotent-replayed"), body: await res.text() };
}

describe("stand-in state file", () => {
  it("keeps accounts, transfers, balances, events and idempotent answers across a restart", async () => {
    const file = path.join(dir, "nested", "state.json");
    let { standin, stripe } = await start(file);
    const account = await stripe.accounts.create(
      { type: "express", country: "DE", metadata: { partner_id: "p_1" } },
      { idempotencyKey: "account:p_1" },
    );
    await completeOnboarding(standin, account.id);
    const form = { amount: "12345", currency: "eur", destination: account.id, transfer_group: "run_1" };
    const first = await postTransfer(standin, "payout_1", form);
    expect(first.status).toBe(200);
    const transfer = JSON.parse(first.body) as Stripe.Transfer;
    const reversal = await stripe.transfers.createReversal(transfer.id, { amount: 345 });
    const events = (await stripe.events.list({ limit: 100 })).data.map((e) => e.id);
    const balance = await stripe.balance.retrieve();
    await stop(standin);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["state.json"]); // no temporary file left behind

    ({ standin, stripe } = await start(file));
    const account2 = await stripe.accounts.retrieve(account.id);
    expect(account2).toMatchObject({ id: account.id, payouts_enabled: true, metadata: { partner_id: "p_1" } });
    const transfer2 = await stripe.transfers.retrieve(transfer.id);
    expect(transfer2).toMatchObject({ amount: 12345, amount_reversed: 345, destination: account.id });
    expect(transfer2.reversals.data.map((r) => r.id)).toEqual([reversal.id]);
    // The indexes are rebuilt: reconciliation lists a run's transfers by transfer_group.
    const byGroup = await stripe.transfers.list({ transfer_group: "run_1" });
    expect(byGroup.data.map((t) => t.id)).toEqual([transfer.id]);
    expect((await stripe.balance.retrieve()).available).toEqual(balance.available);
    expect((await stripe.events.list({ limit: 100 })).data.map((e) => e.id)).toEqual(events);

    // The same key and parameters replay the first answer byte for byte, other parameters are refused.
    const replay = await postTransfer(standin, "payout_1", form);
    expect(replay).toEqual({ status: 200, replayed: "true", body: first.body });
    const mismatch = await postTransfer(standin, "payout_1", { ...form, amount: "999" });
    expect(mismatch.status).toBe(400);
    expect(JSON.parse(mismatch.body)).toMatchObject({ error: { type: "idempotency_error" } });
    const again = await stripe.accounts.create(
      { type: "express", country: "DE", metadata: { partner_id: "p_1" } },
      { idempotencyKey: "account:p_1" },
    );
    expect(again.id).toBe(account.id);
    expect(standin.state.transferCount()).toBe(1);

    // New objects sort after the restored ones (Stripe lists newest first).
    const second = await stripe.transfers.create({ amount: 100, currency: "eur", destination: account.id });
    const listed = await stripe.transfers.list({ limit: 10 });
    expect(listed.data.map((t) => t.id)).toEqual([second.id, transfer.id]);
    await stop(standin);
  });

  it("writes shortly after a mutation, without waiting for close", async () => {
    const file = path.join(dir, "debounced.json");
    const { stripe } = await start(file);
    const account = await stripe.accounts.create({ type: "express" });
    await vi.waitFor(() => expect(fs.readFileSync(file, "utf8")).toContain(account.id), { timeout: 3000 });

    // A second stand-in on the same file (the first never closed, as after a crash) sees it.
    const { stripe: other } = await start(file);
    expect((await other.accounts.retrieve(account.id)).id).toBe(account.id);
  });

  it("starts empty without a file and refuses a file it cannot read", async () => {
    const file = path.join(dir, "missing.json");
    const { standin, stripe } = await start(file);
    expect(standin.state.accounts.size).toBe(0);
    await stripe.balance.retrieve(); // a read writes nothing
    await stop(standin);
    expect(fs.existsSync(file)).toBe(false);

    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, "{ not json");
    await expect(startStripeStandin({ stateFile: broken })).rejects.toThrow(/broken\.json.*delete it/);
    fs.writeFileSync(broken, JSON.stringify({ format: 99 }));
    await expect(startStripeStandin({ stateFile: broken })).rejects.toThrow(/not a state file/);
  });
});
