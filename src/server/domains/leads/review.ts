import { and, asc, eq, ilike } from "drizzle-orm";
import { z } from "zod";
import { leadComments, leads, partners, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import { DAY } from "@/lib/clock";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { earn, type WonDeal } from "../commissions/earn";
import { withTransaction, type ServiceCtx } from "../context";
import { addCustomerFromWonDeal, releaseCustomerOfDeal } from "../customers/service";
import { ConflictError, DomainError, InvalidError } from "../errors";
import { getProgramSettings } from "../program/service";
import { checkConflicts, lockCompany } from "./conflicts";
import { amountField, currencyField, dateField, parseAmount, today } from "./fields";
import { lockLead, recordEvent, type Lead, type LeadStatus } from "./history";
import { emailDate, notifyPartner } from "./notify";

const leadId = z.uuid();
const reason = z.string().trim().min(5).max(2000);

function requireStatus(lead: Lead, allowed: LeadStatus[], code: string) {
  if (!allowed.includes(lead.status)) throw new ConflictError(code, "leadId");
}

/**
 * The won deal a lead is, as its row says after the win or a correction (amount, currency,
 * revision, when it was won): the one place the fact the commission side pays on is built.
 */
function wonDealOf(lead: Lead): WonDeal {
  if (lead.status !== "won" || lead.dealAmountMinor === null || !lead.dealCurrency || !lead.wonAt)
    throw new Error(`lead ${lead.id} is not a won deal`);
  return {
    leadId: lead.id,
    partnerId: lead.partnerId,
    productId: lead.productId,
    amountMinor: lead.dealAmountMinor,
    currency: lead.dealCurrency,
    wonAt: lead.wonAt,
    revision: lead.dealRevision,
  };
}

async function registrantEmail(tx: Db, lead: Lead): Promise<string | undefined> {
  if (!lead.registeredBy) return undefined;
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, lead.registeredBy));
  return user?.email;
}

export const approveLeadInput = z.object({ leadId });

/**
 * Approves and starts the protection window. The conflict check runs again under the company
 * lock: a customer or another partner's protected lead that appeared since submission blocks
 * it, and so does another partner's earlier registration still waiting (first come, first served).
 */
export async function approveLead(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof approveLeadInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["submitted"], "lead.notPending");
    await lockCompany(tx, lead);
    const check = await checkConflicts(
      tx,
      {
        partnerId: lead.partnerId,
        keys: lead,
        contactEmail: lead.contactEmail,
        registrantEmail: await registrantEmail(tx, lead),
        excludeLeadId: lead.id,
      },
      clock,
    );
    if (check.refusal) throw new ConflictError(check.refusal.code, "leadId");
    if (
      check.pendingElsewhere.some(
        (p) => p.createdAt < lead.createdAt || (p.createdAt.getTime() === lead.createdAt.getTime() && p.id < lead.id),
      )
    ) {
      throw new ConflictError("lead.conflict.earlierPending", "leadId");
    }
    const settings = await getProgramSettings(tx);
    const now = clock.now();
    const protectedUntil = new Date(now.getTime() + settings.leadProtectionDays * DAY);
    await tx
      .update(leads)
      .set({
        status: "approved",
        approvedAt: now,
        protectedUntil,
        reviewedBy: actor.userId,
        infoRequestedAt: null,
        flagged: false,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, lead.id));
    await recordEvent(tx, lead, { kind: "approved", toStatus: "approved", actorId: actor.userId, at: now });
    await notifyPartner(
      tx,
      lead,
      "leadApproved",
      (locale) => ({ protectedUntil: emailDate(protectedUntil, locale) }),
      clock,
    );
    await audit(
      tx,
      actor,
      {
        action: "lead.approved",
        entityType: "lead",
        entityId: lead.id,
        before: { status: lead.status },
        after: { status: "approved", protectedUntil },
      },
      now,
    );
    return { protectedUntil };
  });
}

export const rejectLeadInput = z.object({ leadId, reason });

export async function rejectLead(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof rejectLeadInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["submitted"], "lead.notPending");
    const now = clock.now();
    await tx
      .update(leads)
      .set({
        status: "rejected",
        closeReason: input.reason,
        reviewedBy: actor.userId,
        infoRequestedAt: null,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, lead.id));
    await recordEvent(tx, lead, {
      kind: "rejected",
      toStatus: "rejected",
      note: input.reason,
      actorId: actor.userId,
      at: now,
    });
    await notifyPartner(tx, lead, "leadRejected", { reason: input.reason }, clock);
    await audit(
      tx,
      actor,
      {
        action: "lead.rejected",
        entityType: "lead",
        entityId: lead.id,
        before: { status: lead.status },
        after: { status: "rejected", reason: input.reason },
      },
      now,
    );
  });
}

export const requestInfoInput = z.object({ leadId, message: z.string().trim().min(5).max(2000) });

/** Asks the partner for more; the question goes into the lead's thread, and an edit or a reply answers it. */
export async function requestLeadInfo(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof requestInfoInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["submitted"], "lead.notPending");
    const now = clock.now();
    await tx
      .update(leads)
      .set({ infoRequestedAt: now, lastActivityAt: now, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await tx
      .insert(leadComments)
      .values({ leadId: lead.id, authorId: actor.userId, authorKind: "staff", body: input.message, createdAt: now });
    await recordEvent(tx, lead, {
      kind: "info_requested",
      toStatus: lead.status,
      note: input.message,
      actorId: actor.userId,
      at: now,
    });
    await notifyPartner(tx, lead, "leadInfoRequested", { message: input.message }, clock);
    await audit(
      tx,
      actor,
      { action: "lead.infoRequested", entityType: "lead", entityId: lead.id, after: { message: input.message } },
      now,
    );
  });
}

export const reassignLeadInput = z.object({ leadId, partnerId: z.uuid(), reason });

/** Moves a lead to another partner (a territory change, say); the conflict rules hold for the new owner. */
export async function reassignLead(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof reassignLeadInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["submitted", "approved"], "lead.notReassignable");
    if (lead.partnerId === input.partnerId) throw new InvalidError("lead.samePartner", "partnerId");
    const [target] = await tx
      .select({ status: partners.status })
      .from(partners)
      .where(eq(partners.id, input.partnerId));
    if (target?.status !== "active") throw new InvalidError("lead.partnerNotActive", "partnerId");
    await lockCompany(tx, lead);
    const check = await checkConflicts(
      tx,
      { partnerId: input.partnerId, keys: lead, contactEmail: lead.contactEmail, excludeLeadId: lead.id },
      clock,
    );
    if (check.refusal && check.refusal.rule !== "protected") throw new ConflictError(check.refusal.code, "partnerId");
    const now = clock.now();
    await tx
      .update(leads)
      .set({ partnerId: input.partnerId, registeredBy: null, lastActivityAt: now, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await recordEvent(tx, lead, {
      kind: "reassigned",
      toStatus: lead.status,
      note: input.reason,
      actorId: actor.userId,
      at: now,
    });
    await notifyPartner(tx, lead, "leadReassignedAway", {}, clock, { url: `${env().APP_URL}/leads` });
    await notifyPartner(tx, { ...lead, partnerId: input.partnerId, registeredBy: null }, "leadReassignedTo", {}, clock);
    await audit(
      tx,
      actor,
      {
        action: "lead.reassigned",
        entityType: "lead",
        entityId: lead.id,
        before: { partnerId: lead.partnerId },
        after: { partnerId: input.partnerId, reason: input.reason },
      },
      now,
    );
  });
}

export const markWonInput = z.object({ leadId, amount: amountField, currency: currencyField, closedOn: dateField });

/** The deal closed: amount and currency as agreed, and the won event in the same transaction. */
export async function markLeadWon(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof markWonInput>) {
  const { actor, clock } = ctx;
  const amountMinor = parseAmount(input.amount, input.currency, "amount");
  if (input.closedOn > today(clock)) throw new InvalidError("lead.closedInFuture", "closedOn");
  return withTransaction(ctx, async (tx, inner) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["approved"], "lead.notApproved");
    const now = clock.now();
    const [won] = await tx
      .update(leads)
      .set({
        status: "won",
        dealAmountMinor: amountMinor,
        dealCurrency: input.currency,
        closedOn: input.closedOn,
        wonAt: now,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, lead.id))
      .returning();
    await recordEvent(tx, lead, { kind: "won", toStatus: "won", actorId: actor.userId, at: now });
    // The company becomes a customer (no partner registers it again), then the deal earns.
    await addCustomerFromWonDeal(inner, { leadId: lead.id, companyName: lead.companyName, domain: lead.domain });
    await earn(inner, { kind: "deal_won", ...wonDealOf(won!) });
    await notifyPartner(
      tx,
      lead,
      "leadWon",
      (locale) => ({ amount: formatMoney(amountMinor, input.currency, locale) }),
      clock,
    );
    await audit(
      tx,
      actor,
      {
        action: "lead.won",
        entityType: "lead",
        entityId: lead.id,
        before: { status: lead.status },
        after: { status: "won", amountMinor, currency: input.currency, closedOn: input.closedOn },
      },
      now,
    );
  });
}

export const markLostInput = z.object({ leadId, reason });

/** An approved lead lost, or a won deal that fell through (its commissions are clawed back). */
export async function markLeadLost(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof markLostInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["approved", "won"], "lead.notOpenOrWon");
    const now = clock.now();
    await tx
      .update(leads)
      .set({ status: "lost", closeReason: input.reason, closedOn: today(clock), lastActivityAt: now, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await recordEvent(tx, lead, { kind: "lost", toStatus: "lost", note: input.reason, actorId: actor.userId, at: now });
    if (lead.status === "won") {
      // Everything the deal earned is clawed back, and the company is no longer a customer through it.
      await earn(inner, {
        kind: "deal_lost",
        leadId: lead.id,
        partnerId: lead.partnerId,
        revision: lead.dealRevision,
        note: input.reason,
      });
      await releaseCustomerOfDeal(inner, { leadId: lead.id });
    }
    await notifyPartner(tx, lead, "leadLost", { reason: input.reason }, clock);
    await audit(
      tx,
      actor,
      {
        action: "lead.lost",
        entityType: "lead",
        entityId: lead.id,
        before: { status: lead.status },
        after: { status: "lost", reason: input.reason },
      },
      now,
    );
  });
}

export const correctDealInput = z.object({ leadId, amount: amountField, reason });

/** Corrects a won deal's amount (same currency): history stays, commissions are reversed and earned again. */
export async function correctLeadDeal(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof correctDealInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const lead = await lockLead(tx, input.leadId);
    requireStatus(lead, ["won"], "lead.notWon");
    const amountMinor = parseAmount(input.amount, lead.dealCurrency!, "amount");
    if (amountMinor === lead.dealAmountMinor) throw new InvalidError("lead.amountUnchanged", "amount");
    const now = clock.now();
    const revision = lead.dealRevision + 1;
    const [corrected] = await tx
      .update(leads)
      .set({ dealAmountMinor: amountMinor, dealRevision: revision, lastActivityAt: now, updatedAt: now })
      .where(eq(leads.id, lead.id))
      .returning();
    await recordEvent(tx, lead, {
      kind: "deal_corrected",
      toStatus: "won",
      note: input.reason,
      actorId: actor.userId,
      at: now,
    });
    await earn(inner, { kind: "deal_corrected", ...wonDealOf(corrected!), note: input.reason });
    await audit(
      tx,
      actor,
      {
        action: "lead.dealCorrected",
        entityType: "lead",
        entityId: lead.id,
        before: { amountMinor: lead.dealAmountMinor },
        after: { amountMinor, reason: input.reason },
      },
      now,
    );
  });
}

export const bulkReviewInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), leadIds: z.array(leadId).min(1).max(100) }),
  z.object({ action: z.literal("reject"), leadIds: z.array(leadId).min(1).max(100), reason }),
]);

/** Approves or rejects many; each lead is its own transaction, and a refusal is reported per lead. */
export async function bulkReviewLeads(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof bulkReviewInput>) {
  const done: string[] = [];
  const refused: { leadId: string; error: DomainError }[] = [];
  for (const id of new Set(input.leadIds)) {
    try {
      if (input.action === "approve") await approveLead(ctx, { leadId: id });
      else await rejectLead(ctx, { leadId: id, reason: input.reason });
      done.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push({ leadId: id, error });
    }
  }
  return { done, refused };
}

export const partnerSearchInput = z.object({
  q: z.string().trim().max(100).default(""),
  activeOnly: z.boolean().default(false),
});

/**
 * Partners whose name matches, first 20 by name: what a partner picker offers as someone types,
 * so no page ships ten thousand options.
 */
export async function searchPartnerOptions(db: Db, input: z.infer<typeof partnerSearchInput>) {
  return db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(
      and(
        input.q ? ilike(partners.name, containsPattern(input.q)) : undefined,
        input.activeOnly ? eq(partners.status, "active") : undefined,
      ),
    )
    .orderBy(asc(partners.name), asc(partners.id))
    .limit(20);
}

/** One partner's id and name, for a picker that opens with a choice already made. */
export async function partnerOption(db: Db, partnerId: string) {
  const [row] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row ?? null;
}
