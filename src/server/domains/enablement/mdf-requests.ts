import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { isoDay } from "@/lib/clock";
import { moneyText } from "@/lib/money";
import { mdfActivityType, mdfRequests } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "../actor";
import { amountOf } from "../amounts";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { budgetPosition, lockPartnerQuarter, programCurrency, quarterOfDay } from "./mdf-budgets";
import { emailAmount, notifyManagers, notifyPartner } from "./mdf-notify";

export type MdfRequest = typeof mdfRequests.$inferSelect;

const day = z.iso.date({ message: "mdf.badDate" });

export const createRequestInput = z.object({
  campaignName: z.string().trim().min(3).max(200),
  activityType: z.enum(mdfActivityType.enumValues),
  description: z.string().trim().max(4000).default(""),
  startsOn: day,
  endsOn: day,
  totalCost: moneyText({ sign: "positive" }),
  requested: moneyText({ sign: "positive" }),
  expectedLeads: z.number().int().min(0).max(1_000_000).default(0),
  expectedPipeline: moneyText({ sign: "nonNegative", required: false }).default(""),
});
export type CreateRequestInput = z.infer<typeof createRequestInput>;

/**
 * A partner asks for funds for one campaign. It draws on the budget of the quarter the campaign
 * starts in, and is refused when that quarter has no budget or the ask is more than is left of
 * it (the approval checks again, under the lock, since other requests may be approved meanwhile).
 */
export async function createRequest(ctx: ServiceCtx<PartnerActor>, input: CreateRequestInput): Promise<MdfRequest> {
  const { actor, clock } = ctx;
  if (input.endsOn < input.startsOn) throw new InvalidError("mdf.endsBeforeStart", "endsOn");
  if (input.endsOn < isoDay(clock.now())) throw new InvalidError("mdf.endsInPast", "endsOn");
  return withTransaction(ctx, async (tx) => {
    const currency = await programCurrency(tx);
    const totalCostMinor = amountOf(input.totalCost, currency, "totalCost", "positive");
    const requestedMinor = amountOf(input.requested, currency, "requested", "positive");
    const expectedPipelineMinor = input.expectedPipeline
      ? amountOf(input.expectedPipeline, currency, "expectedPipeline", "nonNegative")
      : 0n;
    if (requestedMinor > totalCostMinor) throw new InvalidError("mdf.requestAboveCost", "requested");
    const q = quarterOfDay(input.startsOn);
    const position = await budgetPosition(tx, actor.partnerId, q);
    if (position.allocatedMinor === null || position.allocatedMinor === 0n)
      throw new InvalidError("mdf.noBudget", "startsOn");
    if (requestedMinor > position.remainingMinor) throw new InvalidError("mdf.requestAboveBudget", "requested");
    const now = clock.now();
    const [row] = await tx
      .insert(mdfRequests)
      .values({
        partnerId: actor.partnerId,
        campaignName: input.campaignName,
        activityType: input.activityType,
        description: input.description,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        year: q.year,
        quarter: q.quarter,
        currency,
        totalCostMinor,
        requestedMinor,
        expectedLeads: input.expectedLeads,
        expectedPipelineMinor,
        submittedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(
      tx,
      actor,
      { action: "mdf.requestSubmitted", entityType: "mdf_request", entityId: row!.id, after: row },
      now,
    );
    await notifyManagers(tx, row!, "mdfRequestSubmitted", emailAmount(requestedMinor, currency), clock);
    return row!;
  });
}

export const requestIdInput = z.object({ requestId: z.uuid() });

/** The partner's own request, locked for a change; anyone else's is "not found". */
async function ownRequestForUpdate(tx: Db, partnerId: string, requestId: string): Promise<MdfRequest> {
  const [row] = await tx
    .select()
    .from(mdfRequests)
    .where(and(eq(mdfRequests.id, requestId), eq(mdfRequests.partnerId, partnerId)))
    .for("update");
  if (!row) throw new NotFoundError("mdf.requestNotFound", "requestId");
  return row;
}

/** The partner withdraws a request no one has decided yet. */
export async function cancelRequest(
  ctx: ServiceCtx<PartnerActor>,
  input: z.infer<typeof requestIdInput>,
): Promise<MdfRequest> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const request = await ownRequestForUpdate(tx, actor.partnerId, input.requestId);
    if (request.status === "cancelled") return request; // a second click changes nothing
    if (request.status !== "submitted") throw new ConflictError("mdf.alreadyDecided", "requestId");
    const now = clock.now();
    const [row] = await tx
      .update(mdfRequests)
      .set({ status: "cancelled", updatedAt: now })
      .where(eq(mdfRequests.id, request.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "mdf.requestCancelled",
        entityType: "mdf_request",
        entityId: request.id,
        before: { status: request.status },
        after: { status: "cancelled" },
      },
      now,
    );
    return row!;
  });
}

export const approveRequestInput = z.object({
  requestId: z.uuid(),
  amount: moneyText({ sign: "positive" }),
  note: z.string().trim().max(2000).default(""),
});

/**
 * A manager approves an amount: at most what was asked, and never more than is left of the
 * partner's quarter. The partner+quarter lock is taken before the request row, so two approvals
 * racing for the last of a budget run one after the other and the second sees the first.
 */
export async function approveRequest(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof approveRequestInput>,
): Promise<MdfRequest> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [peek] = await tx
      .select({ partnerId: mdfRequests.partnerId, year: mdfRequests.year, quarter: mdfRequests.quarter })
      .from(mdfRequests)
      .where(eq(mdfRequests.id, input.requestId));
    if (!peek) throw new NotFoundError("mdf.requestNotFound", "requestId");
    await lockPartnerQuarter(tx, peek.partnerId, peek);
    const [request] = await tx.select().from(mdfRequests).where(eq(mdfRequests.id, input.requestId)).for("update");
    if (!request) throw new NotFoundError("mdf.requestNotFound", "requestId");
    if (request.status !== "submitted") throw new ConflictError("mdf.alreadyDecided", "requestId");
    const amountMinor = amountOf(input.amount, request.currency, "amount", "positive");
    if (amountMinor > request.requestedMinor) throw new InvalidError("mdf.approveAboveRequested", "amount");
    const position = await budgetPosition(tx, request.partnerId, request);
    if (amountMinor > position.remainingMinor) throw new InvalidError("mdf.approveAboveBudget", "amount");
    const now = clock.now();
    const [row] = await tx
      .update(mdfRequests)
      .set({
        status: "approved",
        approvedMinor: amountMinor,
        decisionNote: input.note || null,
        decidedBy: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(mdfRequests.id, request.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "mdf.requestApproved",
        entityType: "mdf_request",
        entityId: request.id,
        before: { status: request.status, remainingMinor: position.remainingMinor },
        after: { status: "approved", approvedMinor: amountMinor, note: input.note },
      },
      now,
    );
    await notifyPartner(
      tx,
      row!,
      "mdfRequestApproved",
      (locale) => ({ amount: emailAmount(amountMinor, request.currency)(locale) }),
      clock,
    );
    return row!;
  });
}

export const rejectInput = z.object({
  requestId: z.uuid(),
  reason: z.string().trim().min(5).max(2000),
});

/** A manager turns a request down, with the reason the partner reads. */
export async function rejectRequest(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof rejectInput>,
): Promise<MdfRequest> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [request] = await tx.select().from(mdfRequests).where(eq(mdfRequests.id, input.requestId)).for("update");
    if (!request) throw new NotFoundError("mdf.requestNotFound", "requestId");
    if (request.status !== "submitted") throw new ConflictError("mdf.alreadyDecided", "requestId");
    const now = clock.now();
    const [row] = await tx
      .update(mdfRequests)
      .set({ status: "rejected", decisionNote: input.reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
      .where(eq(mdfRequests.id, request.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "mdf.requestRejected",
        entityType: "mdf_request",
        entityId: request.id,
        before: { status: request.status },
        after: { status: "rejected", reason: input.reason },
      },
      now,
    );
    await notifyPartner(tx, row!, "mdfRequestRejected", () => ({ reason: input.reason }), clock);
    return row!;
  });
}
