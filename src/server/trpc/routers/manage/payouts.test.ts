import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/server/auth/actor";
import { payoutRuns, payouts, staffRoles, users } from "@/server/db/schema";
import { SYSTEM, type Actor, type StaffActor } from "@/server/domains/actor";
import { partnerIdByName, postPayable } from "@/server/domains/payouts/fixtures";
import { markFailed, markProcessing } from "@/server/domains/payouts/transitions";
import { setupProgram } from "@/server/testing/fixtures";
import { describeError } from "../../errors";
import { createCallerFactory, type AccessMeta, type Context } from "../../init";
import { appRouter } from "../../root";

// The executor is woken after an approval or a retry; the job queue itself is not under test here.
const runtime = vi.hoisted(() => ({ requestPayoutExecution: vi.fn(async () => {}) }));
vi.mock("@/server/jobs/runtime", async (original) => ({
  ...(await original<typeof import("@/server/jobs/runtime")>()),
  requestPayoutExecution: runtime.requestPayoutExecution,
}));

const { db, clock, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner } = await setupProgram();
const today = clock.now().toISOString().slice(0, 10);
const createCaller = createCallerFactory(appRouter);
const as = (actor: Actor) => createCaller({ db, actor, clock, locale: "en", ip: "203.0.113.5" } satisfies Context);

/** A second finance person: the four-eyes rule needs someone other than the creator. */
const [second] = await db
  .insert(users)
  .values({ name: "Second Finance", email: "finance2@tierwise.demo", kind: "staff" })
  .returning();
await db.insert(staffRoles).values({ userId: second!.id, role: "finance" });
const secondFinance = (await loadActor(db, second!.id)) as StaffActor;

const ids = {
  northwind: await partnerIdByName(db, "Northwind Analytics"),
  cobalt: await partnerIdByName(db, "Cobalt Cloud Partners"),
  rimal: await partnerIdByName(db, "Rimal Consulting"),
};

/** The error a call ends in (or null when it succeeds). */
async function refusal(call: () => Promise<unknown>): Promise<TRPCError | null> {
  try {
    await call();
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

async function draftRun() {
  const [run] = await db.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
  return run!;
}

beforeEach(() => runtime.requestPayoutExecution.mockClear());

describe("manage.payouts access", () => {
  const paths = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: AccessMeta } }>)
    .filter(([path]) => path.startsWith("manage.payouts."))
    .map(([path, procedure]) => ({ path, meta: procedure._def.meta }));

  it("declares finance (and admins) for every procedure", () => {
    expect(paths.length).toBeGreaterThanOrEqual(14);
    for (const { path, meta } of paths)
      expect({ path, meta }).toEqual({ path, meta: { access: "staff", roles: ["finance", "admin"] } });
  });

  it.each(["owner", "member"] as const)("refuses a partner %s on every procedure", async (role) => {
    const actor = role === "owner" ? partnerOwner : partnerMember;
    for (const { path } of paths) {
      let target: unknown = as(actor);
      for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
      const error = await refusal(() => (target as (input: unknown) => Promise<unknown>)({}));
      expect(error?.code, path).toBe("FORBIDDEN");
    }
  });

  it("refuses a partner manager: no preview, no run, no approval", async () => {
    const run = await draftRun();
    expect((await refusal(() => as(manager).manage.payouts.approve({ runId: run.id })))?.code).toBe("FORBIDDEN");
    expect((await refusal(() => as(manager).manage.payouts.create({ cutoff: today })))?.code).toBe("FORBIDDEN");
    expect((await refusal(() => as(manager).manage.payouts.preview({ cutoff: today })))?.code).toBe("FORBIDDEN");
    expect((await draftRun()).status).toBe("draft");
    expect(runtime.requestPayoutExecution).not.toHaveBeenCalled();
  });
});

describe("four eyes, through the API", () => {
  it("refuses the creator (FORBIDDEN, payoutRun.ownRun) and lets a second finance user approve", async () => {
    await postPayable(db, ids.northwind, 12_345n, "USD", clock.now());
    const { id } = await as(finance).manage.payouts.create({ cutoff: today });
    const own = await refusal(() => as(finance).manage.payouts.approve({ runId: id }));
    expect(own?.code).toBe("FORBIDDEN");
    expect(describeError(own!, "en").data.domainCode).toBe("payoutRun.ownRun");
    expect(describeError(own!, "en").message).toBe("You created this run, so someone else must approve it.");
    expect(runtime.requestPayoutExecution).not.toHaveBeenCalled();

    const approved = await as(secondFinance).manage.payouts.approve({ runId: id });
    expect(approved.status).toBe("approved");
    expect(runtime.requestPayoutExecution).toHaveBeenCalledTimes(1);
    const detail = await as(finance).manage.payouts.get({ runId: id });
    expect(detail).toMatchObject({ status: "approved", approvedByName: "Second Finance", halt: null });
    expect(detail.counts.queued).toBeGreaterThan(0);
  });

  it("lets an admin approve finance's run, and refuses a second approval", async () => {
    const run = await draftRun();
    expect(run.createdBy).toBe(finance.userId);
    await as(admin).manage.payouts.approve({ runId: run.id });
    const again = await refusal(() => as(secondFinance).manage.payouts.approve({ runId: run.id }));
    expect(again?.code).toBe("CONFLICT");
  });
});

describe("manage.payouts reads", () => {
  it("previews with the funding beside the totals (Stripe not configured in tests)", async () => {
    const preview = await as(finance).manage.payouts.preview({ cutoff: today });
    expect(preview.funding.balance).toBe("not_configured");
    for (const fund of preview.funding.currencies) {
      const totals = preview.totals.find((t) => t.currency === fund.currency)!;
      expect(fund.stripe + fund.bank).toBe(totals.includedAmount);
      expect(fund.available).toBeNull();
    }
  });

  it("refuses a cut-off later than today on the cut-off field", async () => {
    const error = await refusal(() => as(finance).manage.payouts.preview({ cutoff: "2999-01-01" }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(describeError(error!, "en").data.fieldErrors).toEqual({ cutoff: "The cut-off cannot be later than today." });
  });

  it("lists runs with who made and approved them and their totals per currency", async () => {
    const runs = await as(finance).manage.payouts.runs({ pageSize: 50 });
    const completed = runs.rows.find((r) => r.status === "completed")!;
    expect(completed.createdByName).toBe(finance.name);
    expect(completed.approvedByName).toBe(admin.name);
    expect(completed.totals.length).toBeGreaterThan(0);
    expect(completed.totals.every((t) => typeof t.amount === "bigint" && t.amount > 0n)).toBe(true);
  });

  it("pages a run's payouts by state, and its exclusions and discrepancies", async () => {
    const [completed] = await db.select().from(payoutRuns).where(eq(payoutRuns.status, "completed"));
    const paid = await as(finance).manage.payouts.payouts({ runId: completed!.id, state: "paid", pageSize: 5 });
    expect(paid.rows.every((p) => p.state === "paid")).toBe(true);
    expect(paid.total).toBe((await as(finance).manage.payouts.get({ runId: completed!.id })).counts.paid);
    const none = await as(finance).manage.payouts.payouts({ runId: completed!.id, state: "failed" });
    expect(none).toMatchObject({ rows: [], total: 0 });
    await as(finance).manage.payouts.exclusions({ runId: completed!.id });
    expect(await as(finance).manage.payouts.discrepancies({ runId: completed!.id })).toMatchObject({ total: 0 });
  });

  it("shows finance a partner's payout account masked", async () => {
    const account = await as(finance).manage.payouts.partnerAccount({ partnerId: ids.rimal });
    expect(account.bank).toMatchObject({ kind: "iban", accountLast4: "3456" });
    expect(JSON.stringify(account)).not.toContain("AE070331234567890123456");
  });
});

describe("manual payments and retries", () => {
  it("marks a queued bank payout paid with a reference, and exports the bank file before", async () => {
    await postPayable(db, ids.rimal, 50_000n, "USD", clock.now());
    const { id } = await as(finance).manage.payouts.create({ cutoff: today });
    await as(admin).manage.payouts.approve({ runId: id });
    const [bank] = await db
      .select()
      .from(payouts)
      .where(and(eq(payouts.runId, id), eq(payouts.method, "bank")));
    expect(bank).toBeDefined();
    const csv = await as(finance).manage.payouts.bankFile({ runId: id });
    expect(csv.split("\r\n")[0]).toContain('"IBAN"');
    expect(csv).toContain("AE070331234567890123456");
    const paid = await as(finance).manage.payouts.markPaid({ payoutId: bank!.id, reference: "BANK-REF-123" });
    expect(paid.state).toBe("paid");
    expect(await as(finance).manage.payouts.bankFile({ runId: id })).not.toContain(bank!.id);
  });

  it("retries a failed payout and wakes the executor", async () => {
    await postPayable(db, ids.cobalt, 20_000n, "EUR", clock.now());
    const { id } = await as(finance).manage.payouts.create({ cutoff: today });
    await as(secondFinance).manage.payouts.approve({ runId: id });
    const [payout] = await db
      .select()
      .from(payouts)
      .where(and(eq(payouts.runId, id), eq(payouts.partnerId, ids.cobalt)));
    const notFailed = await refusal(() => as(finance).manage.payouts.retry({ payoutId: payout!.id }));
    expect(notFailed?.code).toBe("CONFLICT");
    const system = { db, actor: SYSTEM, clock };
    await markProcessing(system, payout!.id);
    await markFailed(system, payout!.id, { code: "account_closed", message: "The account is closed." });
    runtime.requestPayoutExecution.mockClear();
    expect((await refusal(() => as(manager).manage.payouts.retry({ payoutId: payout!.id })))?.code).toBe("FORBIDDEN");
    const retried = await as(finance).manage.payouts.retry({ payoutId: payout!.id });
    expect(retried.state).toBe("queued");
    expect(runtime.requestPayoutExecution).toHaveBeenCalledTimes(1);
  });
});

describe("partner.payouts", () => {
  it("lets the owner save bank details and refuses a member", async () => {
    const bank = {
      accountHolder: "Northwind Analytics LLC",
      iban: "DE89 3704 0044 0532 0130 00",
      bankName: "Demo Bank",
      bankCountry: "de",
    };
    expect((await refusal(() => as(partnerMember).partner.payouts.saveBank(bank)))?.code).toBe("FORBIDDEN");
    expect((await as(partnerMember).partner.payouts.settings()).bank).toBeNull();
    const saved = await as(partnerOwner).partner.payouts.saveBank(bank);
    expect(saved).toMatchObject({ method: "bank", bank: { kind: "iban", accountLast4: "3000", bankCountry: "DE" } });
    // The member reads what the owner saved, masked, and may not change it.
    const seen = await as(partnerMember).partner.payouts.settings();
    expect(seen).toMatchObject({ canEdit: false, bank: { accountLast4: "3000" } });
    expect(JSON.stringify(seen)).not.toContain("DE89370400440532013000");
    expect((await refusal(() => as(partnerMember).partner.payouts.chooseMethod({ method: "stripe" })))?.code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await refusal(() => as(partnerMember).partner.payouts.saveTax({ formType: "w9", taxId: "123456789" })))?.code,
    ).toBe("FORBIDDEN");
    expect((await refusal(() => as(partnerMember).partner.payouts.startOnboarding()))?.code).toBe("FORBIDDEN");
    await as(partnerOwner).partner.payouts.chooseMethod({ method: "stripe" });
  });

  it("lists only the session's own partner's payouts, whatever the input says", async () => {
    const mine = await db.select({ id: payouts.id }).from(payouts).where(eq(payouts.partnerId, ids.northwind));
    const theirs = await db.select({ id: payouts.id }).from(payouts).where(eq(payouts.partnerId, ids.cobalt));
    expect(theirs.length).toBeGreaterThan(0);
    const input = { pageSize: 100, partnerId: ids.cobalt } as unknown as { pageSize: number };
    const listed = await as(partnerOwner).partner.payouts.list(input);
    expect(listed.rows.length).toBeGreaterThan(0);
    const mineIds = new Set(mine.map((p) => p.id));
    expect(listed.rows.every((row) => mineIds.has(row.id))).toBe(true);
    for (const { id } of theirs) {
      expect(listed.rows.some((row) => row.id === id)).toBe(false);
      const error = await refusal(() => as(partnerOwner).partner.payouts.statement({ payoutId: id }));
      expect(error?.code).toBe("NOT_FOUND");
    }
    const cobalt = await as(otherPartnerOwner).partner.payouts.list({ pageSize: 100 });
    expect(cobalt.rows.some((row) => mineIds.has(row.id))).toBe(false);
  });

  it("shows a payout's statement with a page of its commissions", async () => {
    const listed = await as(partnerMember).partner.payouts.list({ state: "paid", pageSize: 5 });
    const first = listed.rows[0]!;
    const statement = await as(partnerMember).partner.payouts.statement({ payoutId: first.id, pageSize: 5 });
    expect(statement.payout).toMatchObject({ id: first.id, state: "paid", amount: first.amount });
    expect(statement.items.total).toBe(first.itemCount);
    const sum = statement.items.rows.reduce((total, item) => total + item.amount, 0n);
    if (statement.items.total <= 5) expect(sum).toBe(first.amount);
  });
});
