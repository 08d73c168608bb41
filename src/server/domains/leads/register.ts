import { and, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { leads, partners, products } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import type { PartnerActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, DomainError, ForbiddenError, InvalidError } from "../errors";
import { getProgramSettings } from "../program/service";
import { checkConflicts, lockCompany } from "./conflicts";
import { checkExpectedClose, companyKeys, leadFields, leadInput, parseAmount, type LeadInput } from "./fields";
import { lockLead, recordEvent } from "./history";
import { notifyPartner } from "./notify";

export { leadInput as registerLeadInput };

/** The typed values, checked beyond their shape: amount in the currency's minor units, dates ahead. */
function valuesOf(input: LeadInput, clock: Clock) {
  const estimatedValueMinor = parseAmount(input.estimatedValue, input.currency, "estimatedValue");
  checkExpectedClose(input.expectedCloseDate, clock);
  const keys = companyKeys(input);
  return {
    keys,
    row: {
      companyName: input.companyName,
      normalizedName: keys.normalizedName,
      website: input.website,
      domain: keys.domain,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone || null,
      country: input.country,
      productId: input.productId,
      estimatedValueMinor,
      currency: input.currency,
      expectedCloseDate: input.expectedCloseDate,
      notes: input.notes || null,
    },
  };
}

async function assertProductOffered(tx: Db, productId: string) {
  const [product] = await tx.select({ active: products.active }).from(products).where(eq(products.id, productId));
  if (!product?.active) throw new InvalidError("lead.productUnknown", "productId");
}

/**
 * Registers a lead for the caller's organization. The partner row is locked first, so one
 * partner's registrations queue behind each other (daily limit, duplicates); the company is
 * locked next, so two partners registering it at once are checked one after the other.
 */
export async function registerLead(ctx: ServiceCtx<PartnerActor>, input: LeadInput) {
  const { actor, clock } = ctx;
  const { keys, row } = valuesOf(input, clock);
  return withTransaction(ctx, async (tx) => {
    const [partner] = await tx
      .select({ status: partners.status })
      .from(partners)
      .where(eq(partners.id, actor.partnerId))
      .for("no key update");
    if (partner?.status !== "active") throw new ForbiddenError("partner.suspended");
    const settings = await getProgramSettings(tx);
    const [recent] = await tx
      .select({ n: count() })
      .from(leads)
      .where(and(eq(leads.partnerId, actor.partnerId), gt(leads.createdAt, new Date(clock.now().getTime() - DAY))));
    if ((recent?.n ?? 0) >= settings.leadDailyLimit)
      throw new DomainError("rate_limited", "lead.dailyLimit", undefined, { limit: settings.leadDailyLimit });
    await assertProductOffered(tx, row.productId);
    await lockCompany(tx, keys);
    const check = await checkConflicts(
      tx,
      { partnerId: actor.partnerId, keys, contactEmail: row.contactEmail, registrantEmail: actor.email },
      clock,
    );
    if (check.refusal) throw new ConflictError(check.refusal.code, check.refusal.field);
    const now = clock.now();
    const [lead] = await tx
      .insert(leads)
      .values({
        ...row,
        partnerId: actor.partnerId,
        registeredBy: actor.userId,
        flagged: check.pendingElsewhere.length > 0,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(
      tx,
      { id: lead!.id, status: "submitted" },
      { kind: "submitted", toStatus: "submitted", actorId: actor.userId, at: now },
    );
    await notifyPartner(tx, lead!, "leadReceived", {}, clock);
    await audit(
      tx,
      actor,
      { action: "lead.registered", entityType: "lead", entityId: lead!.id, after: { ...row, flagged: lead!.flagged } },
      now,
    );
    return lead!;
  });
}

export const updateLeadInput = z.object({ leadId: z.uuid(), ...leadFields });

/** The partner corrects a lead still waiting for review; the conflict check runs again. */
export async function updateLead(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof updateLeadInput>) {
  const { actor, clock } = ctx;
  const { leadId, ...fields } = input;
  const { keys, row } = valuesOf(fields, clock);
  return withTransaction(ctx, async (tx) => {
    const before = await lockLead(tx, leadId, actor.partnerId);
    if (before.status !== "submitted") throw new ConflictError("lead.notEditable", "leadId");
    if (row.productId !== before.productId) await assertProductOffered(tx, row.productId);
    await lockCompany(tx, keys);
    const check = await checkConflicts(
      tx,
      {
        partnerId: actor.partnerId,
        keys,
        contactEmail: row.contactEmail,
        registrantEmail: actor.email,
        excludeLeadId: leadId,
      },
      clock,
    );
    if (check.refusal) throw new ConflictError(check.refusal.code, check.refusal.field);
    const now = clock.now();
    // An edit answers a request for more information.
    const [after] = await tx
      .update(leads)
      .set({
        ...row,
        flagged: check.pendingElsewhere.some((p) => p.createdAt < before.createdAt),
        infoRequestedAt: null,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, leadId))
      .returning();
    await recordEvent(tx, before, { kind: "edited", toStatus: "submitted", actorId: actor.userId, at: now });
    await audit(tx, actor, { action: "lead.updated", entityType: "lead", entityId: leadId, before, after }, now);
    return after!;
  });
}

export const withdrawLeadInput = z.object({ leadId: z.uuid(), reason: z.string().trim().max(1000).default("") });

export async function withdrawLead(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof withdrawLeadInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const before = await lockLead(tx, input.leadId, actor.partnerId);
    if (before.status !== "submitted") throw new ConflictError("lead.notWithdrawable", "leadId");
    const now = clock.now();
    await tx
      .update(leads)
      .set({
        status: "withdrawn",
        closeReason: input.reason || null,
        infoRequestedAt: null,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, before.id));
    await recordEvent(tx, before, {
      kind: "withdrawn",
      toStatus: "withdrawn",
      note: input.reason || null,
      actorId: actor.userId,
      at: now,
    });
    await audit(
      tx,
      actor,
      {
        action: "lead.withdrawn",
        entityType: "lead",
        entityId: before.id,
        before: { status: before.status },
        after: { status: "withdrawn", reason: input.reason },
      },
      now,
    );
  });
}
