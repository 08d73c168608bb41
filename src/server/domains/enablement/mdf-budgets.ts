import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { moneyText } from "@/lib/money";
import {
  ledgerEntries,
  mdfBudgets,
  mdfClaims,
  mdfRequests,
  partners,
  programSettings,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import { amountOf } from "../amounts";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { NotFoundError } from "../errors";

export interface Quarter {
  year: number;
  quarter: number;
}

/** The quarter a calendar day ("2026-11-03") falls in. */
export function quarterOfDay(day: string): Quarter {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** The quarter a moment falls in (UTC, as every date in the program). */
export function quarterOf(at: Date): Quarter {
  return { year: at.getUTCFullYear(), quarter: Math.floor(at.getUTCMonth() / 3) + 1 };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

/** Input for a quarter anyone may look at: years the program can plausibly have run in. */
export const quarterInput = {
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
};

/**
 * What is left of an allocation once the approved amounts are taken from it. Never negative: an
 * allocation staff lowered below what was already approved leaves nothing, not a debt.
 */
export function remainingOf(allocated: bigint, approved: readonly bigint[]): bigint {
  const used = approved.reduce((sum, a) => sum + a, 0n);
  return allocated > used ? allocated - used : 0n;
}

/**
 * Serialises every decision that draws on one partner's quarter: the approval that reads "what
 * is left" holds this lock until it commits, so a second approval reads the first one's result.
 * A transaction-scoped advisory lock works the same on PostgreSQL and PGlite.
 */
export async function lockPartnerQuarter(tx: Db, partnerId: string, q: Quarter): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`mdf:${partnerId}:${q.year}:${q.quarter}`}, 0))`,
  );
}

export async function programCurrency(tx: Db): Promise<string> {
  const [row] = await tx.select({ currency: programSettings.currency }).from(programSettings).limit(1);
  return row?.currency ?? "USD";
}

/**
 * The partner's allocation for a quarter: their own override when staff set one, else their
 * current tier's; null when neither exists (no budget: nothing can be requested).
 */
export async function allocationOf(
  tx: Db,
  partnerId: string,
  q: Quarter,
): Promise<{ amountMinor: bigint; currency: string; source: "partner" | "tier" } | null> {
  const [own] = await tx
    .select({ amountMinor: mdfBudgets.amountMinor, currency: mdfBudgets.currency })
    .from(mdfBudgets)
    .where(and(eq(mdfBudgets.partnerId, partnerId), eq(mdfBudgets.year, q.year), eq(mdfBudgets.quarter, q.quarter)));
  if (own) return { ...own, source: "partner" };
  const [tier] = await tx
    .select({ amountMinor: mdfBudgets.amountMinor, currency: mdfBudgets.currency })
    .from(mdfBudgets)
    .innerJoin(partners, eq(partners.tierId, mdfBudgets.tierId))
    .where(and(eq(partners.id, partnerId), eq(mdfBudgets.year, q.year), eq(mdfBudgets.quarter, q.quarter)));
  return tier ? { ...tier, source: "tier" } : null;
}

export interface BudgetPosition extends Quarter {
  currency: string;
  /** null: no allocation for this quarter. */
  allocatedMinor: bigint | null;
  source: "partner" | "tier" | null;
  /** Open (submitted) requests. */
  requestedMinor: bigint;
  approvedMinor: bigint;
  /** Claims submitted or approved, at what they claim. */
  claimedMinor: bigint;
  /** What payout runs have paid on approved claims. */
  paidMinor: bigint;
  remainingMinor: bigint;
}

/** A partner's quarter in numbers: the one computation the partner's page and the staff dialogs share. */
export async function budgetPosition(tx: Db, partnerId: string, q: Quarter): Promise<BudgetPosition> {
  const [allocation, currency] = await Promise.all([allocationOf(tx, partnerId, q), programCurrency(tx)]);
  const inQuarter = and(
    eq(mdfRequests.partnerId, partnerId),
    eq(mdfRequests.year, q.year),
    eq(mdfRequests.quarter, q.quarter),
  );
  const [requests] = await tx
    .select({
      requested: sql<string>`coalesce(sum(${mdfRequests.requestedMinor}) filter (where ${mdfRequests.status} = 'submitted'), 0)::text`,
      approved: sql<string>`coalesce(sum(${mdfRequests.approvedMinor}) filter (where ${mdfRequests.status} = 'approved'), 0)::text`,
    })
    .from(mdfRequests)
    .where(inQuarter);
  const [claims] = await tx
    .select({ claimed: sql<string>`coalesce(sum(${mdfClaims.claimedMinor}), 0)::text` })
    .from(mdfClaims)
    .innerJoin(mdfRequests, eq(mdfRequests.id, mdfClaims.requestId))
    .where(and(inQuarter, inArray(mdfClaims.status, ["submitted", "approved"])));
  const [paid] = await tx
    .select({ paid: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .innerJoin(mdfClaims, eq(mdfClaims.id, ledgerEntries.mdfClaimId))
    .innerJoin(mdfRequests, eq(mdfRequests.id, mdfClaims.requestId))
    .where(and(inQuarter, eq(ledgerEntries.source, "mdf"), eq(ledgerEntries.state, "paid")));
  const approvedMinor = BigInt(requests?.approved ?? "0");
  const allocatedMinor = allocation?.amountMinor ?? null;
  return {
    ...q,
    currency: allocation?.currency ?? currency,
    allocatedMinor,
    source: allocation?.source ?? null,
    requestedMinor: BigInt(requests?.requested ?? "0"),
    approvedMinor,
    claimedMinor: BigInt(claims?.claimed ?? "0"),
    paidMinor: BigInt(paid?.paid ?? "0"),
    remainingMinor: allocatedMinor === null ? 0n : remainingOf(allocatedMinor, [approvedMinor]),
  };
}

/** Staff set a quarter's allocation for a tier, or override it for one partner (an empty amount removes the override). */
export const setBudgetInput = z
  .object({
    ...quarterInput,
    tierId: z.uuid().optional(),
    partnerId: z.uuid().optional(),
    /** "" removes a partner's override (the tier's applies again) or a tier's allocation. */
    amount: moneyText({ sign: "nonNegative", required: false }),
    note: z.string().trim().max(500).default(""),
  })
  .refine((v) => (v.tierId === undefined) !== (v.partnerId === undefined), {
    message: "mdf.budgetTarget",
    path: ["tierId"],
  });

export async function setBudget(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof setBudgetInput>): Promise<void> {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    const currency = await programCurrency(tx);
    if (input.tierId) {
      const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, input.tierId));
      if (!tier) throw new NotFoundError("notFound", "tierId");
    } else {
      const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId!));
      if (!partner) throw new NotFoundError("partner.notFound", "partnerId");
    }
    const target = input.tierId
      ? and(isNotNull(mdfBudgets.tierId), eq(mdfBudgets.tierId, input.tierId))
      : and(isNull(mdfBudgets.tierId), eq(mdfBudgets.partnerId, input.partnerId!));
    const where = and(target, eq(mdfBudgets.year, input.year), eq(mdfBudgets.quarter, input.quarter));
    const [before] = await tx.select().from(mdfBudgets).where(where).for("update");
    const now = clock.now();
    let after: typeof mdfBudgets.$inferSelect | null = null;
    if (input.amount === "") {
      if (!before) return;
      await tx.delete(mdfBudgets).where(eq(mdfBudgets.id, before.id));
    } else {
      const amountMinor = amountOf(input.amount, currency, "amount", "nonNegative");
      if (before) {
        [after] = (await tx
          .update(mdfBudgets)
          .set({ amountMinor, currency, note: input.note, updatedAt: now })
          .where(eq(mdfBudgets.id, before.id))
          .returning()) as [typeof mdfBudgets.$inferSelect];
      } else {
        [after] = (await tx
          .insert(mdfBudgets)
          .values({
            year: input.year,
            quarter: input.quarter,
            tierId: input.tierId ?? null,
            partnerId: input.partnerId ?? null,
            amountMinor,
            currency,
            note: input.note,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning()) as [typeof mdfBudgets.$inferSelect];
      }
    }
    await audit(
      tx,
      actor,
      {
        action: after ? "mdf.budgetSet" : "mdf.budgetRemoved",
        entityType: "mdf_budget",
        entityId: (after ?? before)!.id,
        before: before ?? null,
        after,
      },
      now,
    );
  });
}

export const setClaimDeadlineInput = z.object({ days: z.number().int().min(1).max(365) });

/** Staff set how many days after a campaign ends its claim may still be filed. */
export async function setClaimDeadline(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof setClaimDeadlineInput>,
): Promise<void> {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    const [before] = await tx
      .select({ days: programSettings.mdfClaimDeadlineDays })
      .from(programSettings)
      .where(eq(programSettings.id, 1))
      .for("update");
    await tx.update(programSettings).set({ mdfClaimDeadlineDays: input.days }).where(eq(programSettings.id, 1));
    await audit(
      tx,
      actor,
      {
        action: "mdf.claimDeadlineSet",
        entityType: "program_settings",
        entityId: "1",
        before: { mdfClaimDeadlineDays: before?.days ?? null },
        after: { mdfClaimDeadlineDays: input.days },
      },
      clock.now(),
    );
  });
}

export async function claimDeadlineDays(tx: Db): Promise<number> {
  const [row] = await tx.select({ days: programSettings.mdfClaimDeadlineDays }).from(programSettings).limit(1);
  return row?.days ?? 60;
}

export const budgetGridInput = z.object(quarterInput);

/**
 * The staff budgets view for one quarter: every tier's allocation and every partner's override
 * (with the tier amount it replaces), and the claim deadline.
 */
export async function budgetGrid(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof budgetGridInput>) {
  const { db } = ctx;
  const [tierRows, budgets, partnerRows, currency, deadlineDays] = await Promise.all([
    db.select({ id: tiers.id, key: tiers.key, name: tiers.name, rank: tiers.rank }).from(tiers).orderBy(tiers.rank),
    db
      .select()
      .from(mdfBudgets)
      .where(and(eq(mdfBudgets.year, input.year), eq(mdfBudgets.quarter, input.quarter))),
    db.select({ id: partners.id, name: partners.name, tierId: partners.tierId }).from(partners).orderBy(partners.name),
    programCurrency(db),
    claimDeadlineDays(db),
  ]);
  const tierBudget = new Map(budgets.filter((b) => b.tierId).map((b) => [b.tierId!, b]));
  const partnerBudget = new Map(budgets.filter((b) => b.partnerId).map((b) => [b.partnerId!, b]));
  return {
    year: input.year,
    quarter: input.quarter,
    currency,
    deadlineDays,
    tiers: tierRows.map((t) => ({ ...t, amountMinor: tierBudget.get(t.id)?.amountMinor ?? null })),
    partners: partnerRows.map((p) => ({
      id: p.id,
      name: p.name,
      tierId: p.tierId,
      tierAmountMinor: p.tierId ? (tierBudget.get(p.tierId)?.amountMinor ?? null) : null,
      overrideMinor: partnerBudget.get(p.id)?.amountMinor ?? null,
      overrideNote: partnerBudget.get(p.id)?.note ?? "",
    })),
  };
}
