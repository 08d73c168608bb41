import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { mdfRequests, partners } from "@/server/db/schema";
import type { Actor, PartnerActor } from "@/server/domains/actor";
import { setupProgram } from "@/server/testing/fixtures";
import { describeError } from "../../errors";
import { createCallerFactory, type Context } from "../../init";
import { appRouter } from "../../root";

const { db, clock, admin, manager, finance, partnerOwner, otherPartnerOwner } = await setupProgram();
const createCaller = createCallerFactory(appRouter);
const as = (actor: Actor, at = clock) =>
  createCaller({ db, actor, clock: at, locale: "en", ip: "203.0.113.7" } satisfies Context);

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const q = { year: 2028, quarter: 3 };
const ask = {
  campaignName: "Router webinar",
  activityType: "webinar" as const,
  startsOn: "2028-07-10",
  endsOn: "2028-07-10",
  totalCost: "1,000",
  requested: "500",
};

describe("MDF routers", () => {
  it("managers decide and set budgets; finance reads the queue but decides nothing", async () => {
    await as(admin).manage.mdf.setBudget({ ...q, partnerId: partnerOwner.partnerId, amount: "800", note: "" });
    const request = await as(partnerOwner).partner.mdf.createRequest(ask);
    const queue = await as(finance).manage.mdf.queue({ kind: "requests", year: q.year, quarter: q.quarter });
    expect(queue.requests!.rows.map((r) => r.id)).toContain(request.id);
    const denied = await refusal(as(finance).manage.mdf.approveRequest({ requestId: request.id, amount: "500" }));
    expect(denied.code).toBe("FORBIDDEN");
    expect((await refusal(as(finance).manage.mdf.setClaimDeadline({ days: 10 }))).code).toBe("FORBIDDEN");
    const approved = await as(manager).manage.mdf.approveRequest({ requestId: request.id, amount: "500" });
    expect(approved.status).toBe("approved");
    const detail = await as(manager).manage.mdf.request({ requestId: request.id });
    expect(detail.budget.remainingMinor).toBe(30_000n);
  });

  it("a partner cannot reach the console, and the other organization's request is not found", async () => {
    expect((await refusal(as(partnerOwner).manage.mdf.queue({}))).code).toBe("FORBIDDEN");
    const [theirs] = await db.select().from(mdfRequests).where(eq(mdfRequests.partnerId, otherPartnerOwner.partnerId));
    const notFound = await refusal(as(partnerOwner).partner.mdf.request({ requestId: theirs!.id }));
    expect(notFound.code).toBe("NOT_FOUND");
  });

  it("a refused ask names its field in the partner's words", async () => {
    const error = await refusal(as(partnerOwner).partner.mdf.createRequest({ ...ask, requested: "2,000" }));
    expect(describeError(error, "en").message).toMatch(/total cost/);
    expect(describeError(error, "ar").message).not.toMatch(/mdf\./);
  });

  it("a suspended partner reads its MDF but asks for nothing new", async () => {
    await db.update(partners).set({ status: "suspended" }).where(eq(partners.id, partnerOwner.partnerId));
    const suspended: PartnerActor = { ...partnerOwner, partnerStatus: "suspended" };
    try {
      await expect(as(suspended).partner.mdf.budget({})).resolves.toBeTruthy();
      const error = await refusal(as(suspended, fixedClock("2028-07-01T00:00:00Z")).partner.mdf.createRequest(ask));
      expect(error.code).toBe("FORBIDDEN");
    } finally {
      await db.update(partners).set({ status: "active" }).where(eq(partners.id, partnerOwner.partnerId));
    }
  });
});
