import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { DAY, isoDay } from "@/lib/clock";
import { moneyText } from "@/lib/money";
import { leads, mdfClaimFiles, mdfClaimLeads, mdfClaims, mdfRequests } from "@/server/db/schema";
import { discardStoredBytes, STORAGE_PURPOSES, storeFile } from "@/server/integrations/storage";
import type { PartnerActor, StaffActor } from "../actor";
import { amountOf } from "../amounts";
import { audit } from "../audit/service";
import { earn } from "../commissions/earn";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { claimDeadlineDays } from "./mdf-budgets";
import { emailAmount, notifyManagers, notifyPartner, requestNumber } from "./mdf-notify";

export type MdfClaim = typeof mdfClaims.$inferSelect;

/** A file as it travels in a tRPC mutation (like lesson images): its name and its bytes in base64. */
function uploadedFile(maxBytes: number) {
  return z.object({
    fileName: z.string().min(1, { message: "storage.badName" }).max(255, { message: "storage.badName" }),
    contentBase64: z
      .string()
      .min(1, { message: "storage.empty" })
      // Held to the size the limit encodes to before anything decodes it; storeFile checks the bytes.
      .max(Math.ceil((maxBytes * 4) / 3) + 8, { message: "mdf.fileTooLarge" })
      .base64({ message: "storage.unreadable" }),
  });
}

export const MDF_PROOF_MAX_FILES = 5;
export const MDF_LEADS_MAX = 200;

export const submitClaimInput = z.object({
  requestId: z.uuid(),
  actualCost: moneyText({ sign: "positive" }),
  claimed: moneyText({ sign: "positive" }),
  leadsProduced: z.number().int().min(0).max(1_000_000).default(0),
  notes: z.string().trim().max(4000).default(""),
  leadIds: z.array(z.uuid()).max(MDF_LEADS_MAX).default([]),
  proofs: z
    .array(uploadedFile(STORAGE_PURPOSES.mdf_proof.maxBytes))
    .min(1, { message: "mdf.proofRequired" })
    .max(MDF_PROOF_MAX_FILES, { message: "mdf.tooManyProofs" }),
  invoice: uploadedFile(STORAGE_PURPOSES.mdf_invoice.maxBytes),
});
export type SubmitClaimInput = z.infer<typeof submitClaimInput>;

/** The last day a claim may be filed: the campaign's end plus the program's deadline days. */
export function claimDeadline(endsOn: string, deadlineDays: number): string {
  return isoDay(new Date(Date.parse(`${endsOn}T00:00:00Z`) + deadlineDays * DAY));
}

/**
 * The partner claims an approved request once the campaign has ended (from its last day) and
 * before the deadline: actual cost, the amount (at most what was approved), what it produced,
 * the leads it registered (its own only), proof and the invoice. At most one claim is open or
 * approved per request (the partial unique index decides a double submit); a rejected one may be
 * followed by another. Files go through the storage module; if the transaction fails, their
 * bytes are removed again.
 */
export async function submitClaim(ctx: ServiceCtx<PartnerActor>, input: SubmitClaimInput): Promise<MdfClaim> {
  const { actor, clock } = ctx;
  const written: string[] = [];
  try {
    return await withTransaction(ctx, async (tx) => {
      const [request] = await tx
        .select()
        .from(mdfRequests)
        .where(and(eq(mdfRequests.id, input.requestId), eq(mdfRequests.partnerId, actor.partnerId)))
        .for("update");
      if (!request) throw new NotFoundError("mdf.requestNotFound", "requestId");
      if (request.status !== "approved" || request.approvedMinor === null)
        throw new ConflictError("mdf.requestNotApproved", "requestId");
      const today = isoDay(clock.now());
      if (today < request.endsOn) throw new InvalidError("mdf.campaignNotEnded", "requestId");
      if (today > claimDeadline(request.endsOn, await claimDeadlineDays(tx)))
        throw new InvalidError("mdf.claimPastDeadline", "requestId");
      const [live] = await tx
        .select({ id: mdfClaims.id })
        .from(mdfClaims)
        .where(and(eq(mdfClaims.requestId, request.id), inArray(mdfClaims.status, ["submitted", "approved"])));
      if (live) throw new ConflictError("mdf.claimExists", "requestId");
      const actualCostMinor = amountOf(input.actualCost, request.currency, "actualCost", "positive");
      const claimedMinor = amountOf(input.claimed, request.currency, "claimed", "positive");
      if (claimedMinor > request.approvedMinor) throw new InvalidError("mdf.claimAboveApproved", "claimed");
      if (claimedMinor > actualCostMinor) throw new InvalidError("mdf.claimAboveCost", "claimed");
      const leadIds = [...new Set(input.leadIds)];
      if (leadIds.length > 0) {
        // Only the partner's own registered leads: another's id reads as not found, like a missing one.
        const own = await tx
          .select({ id: leads.id })
          .from(leads)
          .where(and(inArray(leads.id, leadIds), eq(leads.partnerId, actor.partnerId)));
        if (own.length !== leadIds.length) throw new NotFoundError("mdf.leadNotFound", "leadIds");
      }
      const now = clock.now();
      const [claim] = await tx
        .insert(mdfClaims)
        .values({
          requestId: request.id,
          partnerId: actor.partnerId,
          currency: request.currency,
          actualCostMinor,
          claimedMinor,
          leadsProduced: input.leadsProduced,
          notes: input.notes,
          submittedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!claim) throw new ConflictError("mdf.claimExists", "requestId");
      const files: { fileId: string; kind: "proof" | "invoice"; name: string }[] = [];
      for (const [i, proof] of input.proofs.entries()) {
        const file = await storeOne(tx, "mdf_proof", proof, actor.userId, `proofs.${i}`);
        written.push(file.storageKey);
        files.push({ fileId: file.id, kind: "proof", name: file.originalName });
      }
      const invoice = await storeOne(tx, "mdf_invoice", input.invoice, actor.userId, "invoice");
      written.push(invoice.storageKey);
      files.push({ fileId: invoice.id, kind: "invoice", name: invoice.originalName });
      await tx.insert(mdfClaimFiles).values(files.map((f) => ({ claimId: claim.id, fileId: f.fileId, kind: f.kind })));
      if (leadIds.length > 0)
        await tx.insert(mdfClaimLeads).values(leadIds.map((leadId) => ({ claimId: claim.id, leadId })));
      await audit(
        tx,
        actor,
        {
          action: "mdf.claimSubmitted",
          entityType: "mdf_claim",
          entityId: claim.id,
          after: { ...claim, files, leadIds },
        },
        now,
      );
      await notifyManagers(tx, request, "mdfClaimSubmitted", emailAmount(claimedMinor, request.currency), clock);
      return claim;
    });
  } catch (error) {
    for (const key of written) await discardStoredBytes(key).catch(() => undefined);
    throw error;
  }
}

/** storeFile, with its refusal naming the upload it came from. */
async function storeOne(
  tx: Parameters<typeof storeFile>[0],
  purpose: "mdf_proof" | "mdf_invoice",
  upload: { fileName: string; contentBase64: string },
  userId: string,
  field: string,
) {
  try {
    return await storeFile(tx, {
      purpose,
      bytes: new Uint8Array(Buffer.from(upload.contentBase64, "base64")),
      originalName: upload.fileName,
      uploadedBy: userId,
    });
  } catch (error) {
    if (error instanceof InvalidError) throw new InvalidError(error.code, field, error.params);
    throw error;
  }
}

export const approveClaimInput = z.object({
  claimId: z.uuid(),
  amount: moneyText({ sign: "positive" }),
  note: z.string().trim().max(2000).default(""),
});

/**
 * A manager approves a claim for an amount up to what was claimed. In the same transaction the
 * approval earns one payable ledger entry (source mdf, keyed by the claim), so the next payout run
 * pays it; a second click finds the claim decided and changes nothing.
 */
export async function approveClaim(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof approveClaimInput>,
): Promise<MdfClaim> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const [claim] = await tx.select().from(mdfClaims).where(eq(mdfClaims.id, input.claimId)).for("update");
    if (!claim) throw new NotFoundError("mdf.claimNotFound", "claimId");
    if (claim.status !== "submitted") throw new ConflictError("mdf.alreadyDecided", "claimId");
    const amountMinor = amountOf(input.amount, claim.currency, "amount", "positive");
    if (amountMinor > claim.claimedMinor) throw new InvalidError("mdf.approveAboveClaimed", "amount");
    const [request] = await tx.select().from(mdfRequests).where(eq(mdfRequests.id, claim.requestId));
    const { entries } = await earn(inner, {
      kind: "mdf_claim_approved",
      claimId: claim.id,
      partnerId: claim.partnerId,
      amountMinor,
      currency: claim.currency,
      note: `${requestNumber(request!.number)} ${request!.campaignName}`,
    });
    const now = clock.now();
    const [row] = await tx
      .update(mdfClaims)
      .set({
        status: "approved",
        approvedMinor: amountMinor,
        decisionNote: input.note || null,
        decidedBy: actor.userId,
        decidedAt: now,
        ledgerEntryId: entries[0]?.id ?? null,
        updatedAt: now,
      })
      .where(eq(mdfClaims.id, claim.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "mdf.claimApproved",
        entityType: "mdf_claim",
        entityId: claim.id,
        before: { status: claim.status },
        after: { status: "approved", approvedMinor: amountMinor, note: input.note, ledgerEntryId: row!.ledgerEntryId },
      },
      now,
    );
    await notifyPartner(
      tx,
      request!,
      "mdfClaimApproved",
      (locale) => ({ amount: emailAmount(amountMinor, claim.currency)(locale) }),
      clock,
    );
    return row!;
  });
}

export const rejectClaimInput = z.object({
  claimId: z.uuid(),
  reason: z.string().trim().min(5).max(2000),
});

/** A manager rejects a claim with a reason; the partner may file a new one before the deadline. */
export async function rejectClaim(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof rejectClaimInput>,
): Promise<MdfClaim> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [claim] = await tx.select().from(mdfClaims).where(eq(mdfClaims.id, input.claimId)).for("update");
    if (!claim) throw new NotFoundError("mdf.claimNotFound", "claimId");
    if (claim.status !== "submitted") throw new ConflictError("mdf.alreadyDecided", "claimId");
    const now = clock.now();
    const [row] = await tx
      .update(mdfClaims)
      .set({ status: "rejected", decisionNote: input.reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
      .where(eq(mdfClaims.id, claim.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "mdf.claimRejected",
        entityType: "mdf_claim",
        entityId: claim.id,
        before: { status: claim.status },
        after: { status: "rejected", reason: input.reason },
      },
      now,
    );
    const [request] = await tx.select().from(mdfRequests).where(eq(mdfRequests.id, claim.requestId));
    await notifyPartner(tx, request!, "mdfClaimRejected", () => ({ reason: input.reason }), clock);
    return row!;
  });
}
