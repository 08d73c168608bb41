import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ledgerEntries, leads, partners, payoutItems, payouts, payoutRuns, payoutState } from "@/server/db/schema";
import type { PartnerActor, StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const PAYOUT_STATES = payoutState.enumValues;

/**
 * The payout a statement or a detail view is about. A partner sees only their own
 * organization's, and never a cancelled draft's (anyone else's is "not found", never
 * "forbidden", so ids leak nothing); staff see any. Stripe's own failure message is written for
 * the platform (it can name our account), so only staff get it.
 */
export async function findPayout(ctx: ServiceCtx<PartnerActor | StaffActor>, payoutId: string) {
  const { db, actor } = ctx;
  const partner = actor.kind === "partner";
  const [head] = await db
    .select({
      id: payouts.id,
      runId: payouts.runId,
      cutoff: payoutRuns.cutoff,
      partnerId: payouts.partnerId,
      partnerName: partners.name,
      currency: payouts.currency,
      amount: payouts.amount,
      method: payouts.method,
      state: payouts.state,
      stripeTransferId: payouts.stripeTransferId,
      bankReference: payouts.bankReference,
      failureCode: payouts.failureCode,
      failureMessage: payouts.failureMessage,
      paidAt: payouts.paidAt,
      createdAt: payouts.createdAt,
    })
    .from(payouts)
    .innerJoin(payoutRuns, eq(payoutRuns.id, payouts.runId))
    .innerJoin(partners, eq(partners.id, payouts.partnerId))
    .where(
      and(
        eq(payouts.id, payoutId),
        partner ? eq(payouts.partnerId, actor.partnerId) : undefined,
        partner ? ne(payouts.state, "cancelled") : undefined,
      ),
    );
  if (!head) throw new NotFoundError("payout.notFound", "payoutId");
  return partner ? { ...head, failureMessage: null } : head;
}

/** One payout with every commission it pays, for its statement (CSV, PDF). */
export async function payoutStatement(ctx: ServiceCtx<PartnerActor | StaffActor>, payoutId: string) {
  const { db } = ctx;
  const head = await findPayout(ctx, payoutId);
  const items = await db
    .select({
      entryId: ledgerEntries.id,
      source: ledgerEntries.source,
      leadId: ledgerEntries.leadId,
      companyName: leads.companyName,
      amount: payoutItems.amount,
      currency: ledgerEntries.asset,
      earnedAt: ledgerEntries.createdAt,
      availableAt: ledgerEntries.availableAt,
      note: ledgerEntries.note,
      released: sql<boolean>`${payoutItems.releasedAt} is not null`,
    })
    .from(payoutItems)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
    .leftJoin(leads, eq(leads.id, ledgerEntries.leadId))
    .where(eq(payoutItems.payoutId, payoutId))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  return { payout: head, items };
}

export const listPayoutsInput = z.object({
  state: z.enum(PAYOUT_STATES).optional(),
  currency: z.string().trim().toUpperCase().length(3).optional(),
  sortBy: z.enum(["createdAt", "amount", "paidAt"]).default("createdAt"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});
export type ListPayoutsInput = z.input<typeof listPayoutsInput>;

/** The caller's own payouts (cancelled drafts left out), paged, filtered and sorted on the server. */
export async function listPayouts(ctx: ServiceCtx<PartnerActor>, rawInput: ListPayoutsInput) {
  const input = listPayoutsInput.parse(rawInput);
  const where: SQL | undefined = and(
    eq(payouts.partnerId, ctx.actor.partnerId),
    input.state ? eq(payouts.state, input.state) : sql`${payouts.state} <> 'cancelled'`,
    input.currency ? eq(payouts.currency, input.currency) : undefined,
  );
  const dir = input.sortDir === "asc" ? asc : desc;
  const column = { createdAt: payouts.createdAt, amount: payouts.amount, paidAt: payouts.paidAt }[input.sortBy];
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: payouts.id,
        runId: payouts.runId,
        currency: payouts.currency,
        amount: payouts.amount,
        method: payouts.method,
        state: payouts.state,
        paidAt: payouts.paidAt,
        createdAt: payouts.createdAt,
        itemCount: sql<number>`(select count(*)::int from ${payoutItems} i where i.payout_id = ${payouts.id})`,
      })
      .from(payouts)
      .where(where)
      .orderBy(dir(column), desc(payouts.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payouts)
      .where(where),
  ]);
  return pageOf(rows, counted?.n ?? 0, input.page, input.pageSize);
}
