import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { bonusCampaigns, commissionEvents, ledgerEntries, partners } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { applyRateBps } from "@/lib/money";
import { withTransaction, type ServiceCtx } from "../context";
import { moveEntries, postEntries, type LedgerEntry, type NewLedgerEntry } from "./ledger";
import { productRate, type EarningBasis } from "./plans";

/*
 * The commission rules for deals: what a win earns, what a correction or a loss reverses. Other
 * domains never call these: a fact reaches them through earn.ts, which also writes the won
 * revenue and rechecks the tier in the same transaction (the seeds and this domain's tests call
 * them directly).
 */

/** A won deal, as the engine needs it. */
export interface WonDeal {
  leadId: string;
  partnerId: string;
  productId: string;
  amountMinor: bigint;
  currency: string;
  wonAt: Date;
  /** 0 for the first win; each correction of the amount adds one. */
  revision: number;
}

/**
 * The entries a won deal earns: the commission at the partner's current tier rate (or the plan's
 * product rate, or its flat amount), plus one entry per active eligible bonus campaign: one whose
 * window holds the win and that existed when the deal was won (a campaign created later "starting
 * today" starts at 00:00 UTC, before a win from this morning, and still must not pay on it). Each
 * records the rule, rate and base it was computed with. Pure of side effects: posting is separate.
 * The partner's plan and the program's hold period come in `basis`, read once by the caller.
 */
export async function entriesForWonDeal(
  tx: Db,
  deal: WonDeal,
  clock: Clock,
  basis: EarningBasis,
): Promise<NewLedgerEntry[]> {
  const { plan } = basis;
  const [partner] = await tx.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, deal.partnerId));
  const { holdPeriodDays } = basis.settings;
  const now = clock.now();
  const availableAt = new Date(deal.wonAt.getTime() + holdPeriodDays * DAY);
  const common = {
    partnerId: deal.partnerId,
    leadId: deal.leadId,
    dealRevision: deal.revision,
    tierId: partner?.tierId ?? null,
    availableAt,
    state: availableAt <= now ? ("payable" as const) : ("pending" as const),
    createdAt: now,
    stateChangedAt: now,
  };
  const entries: NewLedgerEntry[] = [];
  if (plan) {
    const { version, tierRules } = plan;
    const override = await productRate(tx, version.id, deal.productId);
    const tierRate = tierRules.find((r) => r.tierId === partner?.tierId)?.rateBps ?? null;
    const key = `lead:${deal.leadId}:r${deal.revision}:deal`;
    if (override === null && version.baseKind === "flat") {
      entries.push({
        ...common,
        eventKey: key,
        source: "deal",
        asset: version.baseFlatCurrency!,
        amount: version.baseFlatMinor!,
        flatMinor: version.baseFlatMinor,
        planVersionId: version.id,
      });
    } else {
      const rateBps = override ?? tierRate ?? version.baseRateBps ?? 0;
      const amount = applyRateBps(deal.amountMinor, rateBps);
      entries.push({
        ...common,
        eventKey: key,
        source: "deal",
        asset: deal.currency,
        amount,
        rateBps,
        baseAmountMinor: deal.amountMinor,
        planVersionId: version.id,
      });
    }
  }
  const campaigns = await tx
    .select()
    .from(bonusCampaigns)
    .where(
      and(
        isNull(bonusCampaigns.archivedAt),
        lte(bonusCampaigns.startsAt, deal.wonAt),
        gt(bonusCampaigns.endsAt, deal.wonAt),
        lte(bonusCampaigns.createdAt, deal.wonAt),
      ),
    )
    .orderBy(asc(bonusCampaigns.startsAt), asc(bonusCampaigns.id));
  for (const campaign of campaigns) {
    const tierOk =
      campaign.tierIds.length === 0 || (partner !== undefined && campaign.tierIds.includes(partner.tierId));
    const productOk = campaign.productIds.length === 0 || campaign.productIds.includes(deal.productId);
    if (!tierOk || !productOk) continue;
    const key = `lead:${deal.leadId}:r${deal.revision}:bonus:${campaign.id}`;
    if (campaign.kind === "flat") {
      entries.push({
        ...common,
        eventKey: key,
        source: "bonus",
        campaignId: campaign.id,
        asset: campaign.currency!,
        amount: campaign.flatMinor!,
        flatMinor: campaign.flatMinor,
      });
    } else {
      const amount = applyRateBps(deal.amountMinor, campaign.rateBps!);
      entries.push({
        ...common,
        eventKey: key,
        source: "bonus",
        campaignId: campaign.id,
        asset: deal.currency,
        amount,
        rateBps: campaign.rateBps,
        baseAmountMinor: deal.amountMinor,
      });
    }
  }
  // A zero rate (or flat amount) earns nothing worth a line; a tiny deal at a real rate keeps its
  // line, even at zero, so a later correction of the amount finds the rate it was earned at.
  return entries.filter((e) => (typeof e.rateBps === "number" ? e.rateBps > 0 : e.amount !== 0n));
}

/** The won deal as one event: "lead:<id>:r<revision>", the prefix of the keys of the entries it earns. */
function wonDealEventKey(deal: Pick<WonDeal, "leadId" | "revision">): string {
  return `lead:${deal.leadId}:r${deal.revision}`;
}

/**
 * Winning a lead: its commissions, in the transaction that marks it won. A won deal is one fact:
 * the first call records the event and posts what it earns then; any replay finds the event and
 * posts nothing, not even entries the rules would give today (a campaign created or a tier reached
 * since). A replay running at the same time waits on the event's key and then finds it too.
 */
export async function commissionWonDeal(
  tx: Db,
  deal: WonDeal,
  clock: Clock,
  basis: EarningBasis,
): Promise<LedgerEntry[]> {
  const [decided] = await tx
    .insert(commissionEvents)
    .values({ eventKey: wonDealEventKey(deal), leadId: deal.leadId, decidedAt: clock.now() })
    .onConflictDoNothing({ target: commissionEvents.eventKey })
    .returning({ eventKey: commissionEvents.eventKey });
  if (!decided) return [];
  return postEntries(tx, await entriesForWonDeal(tx, deal, clock, basis));
}

/**
 * The lead's deal and bonus entries up to a revision that no clawback has reversed yet. Bounding
 * by revision makes a reversal an event of its own: replayed, it never reaches later revisions.
 */
async function unreversedEntries(tx: Db, leadId: string, upToRevision: number): Promise<LedgerEntry[]> {
  return tx
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.leadId, leadId),
        lte(ledgerEntries.dealRevision, upToRevision),
        inArray(ledgerEntries.source, ["deal", "bonus"]),
        sql`not exists (select 1 from ${ledgerEntries} r where r.reverses_entry_id = ${ledgerEntries.id})`,
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
}

/**
 * Reverses entries with clawbacks of exactly their amount. A clawback of an entry still in its
 * hold period waits with it (so both become payable together and net to zero); otherwise it is
 * payable at once and nets against the next payout.
 */
export async function clawBack(tx: Db, entries: LedgerEntry[], note: string, clock: Clock): Promise<LedgerEntry[]> {
  const now = clock.now();
  return postEntries(
    tx,
    entries.map((e) => ({
      partnerId: e.partnerId,
      asset: e.asset,
      amount: -e.amount,
      source: "clawback" as const,
      state: e.state === "pending" ? ("pending" as const) : ("payable" as const),
      availableAt: e.state === "pending" ? e.availableAt : now,
      eventKey: `reverse:${e.id}`,
      reversesEntryId: e.id,
      leadId: e.leadId,
      dealRevision: e.dealRevision,
      campaignId: e.campaignId,
      planVersionId: e.planVersionId,
      tierId: e.tierId,
      rateBps: e.rateBps,
      flatMinor: e.flatMinor,
      baseAmountMinor: e.baseAmountMinor,
      note,
      createdAt: now,
      stateChangedAt: now,
    })),
  );
}

/** A won deal (at its current revision) turned lost: everything it earned is clawed back. */
export async function reverseLeadCommissions(
  tx: Db,
  leadId: string,
  revision: number,
  note: string,
  clock: Clock,
): Promise<LedgerEntry[]> {
  return clawBack(tx, await unreversedEntries(tx, leadId, revision), note, clock);
}

/**
 * The deal amount was corrected: entries computed from the amount (rates) are reversed and
 * posted again on the new amount at the rate they were computed with; flat amounts stand.
 */
export async function correctDealCommissions(
  tx: Db,
  deal: WonDeal,
  note: string,
  clock: Clock,
): Promise<LedgerEntry[]> {
  const fromAmount = (await unreversedEntries(tx, deal.leadId, deal.revision - 1)).filter((e) => e.rateBps !== null);
  const reversed = await clawBack(tx, fromAmount, note, clock);
  const now = clock.now();
  const reposted = await postEntries(
    tx,
    fromAmount.map((e) => ({
      partnerId: e.partnerId,
      asset: deal.currency,
      amount: applyRateBps(deal.amountMinor, e.rateBps!),
      source: e.source,
      state: e.availableAt <= now ? ("payable" as const) : ("pending" as const),
      availableAt: e.availableAt,
      eventKey: `lead:${deal.leadId}:r${deal.revision}:${e.source === "bonus" ? `bonus:${e.campaignId}` : "deal"}`,
      leadId: e.leadId,
      dealRevision: deal.revision,
      campaignId: e.campaignId,
      planVersionId: e.planVersionId,
      tierId: e.tierId,
      rateBps: e.rateBps,
      baseAmountMinor: deal.amountMinor,
      note,
      createdAt: now,
      stateChangedAt: now,
    })),
  );
  return [...reversed, ...reposted];
}

/** Pending entries whose hold period has passed become payable, a batch per transaction; safe to run twice at once. */
export async function releaseDueEntries(ctx: ServiceCtx, batch = 500): Promise<number> {
  const { clock } = ctx;
  let released = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const due = await tx
        .select({ id: ledgerEntries.id })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.state, "pending"), lte(ledgerEntries.availableAt, clock.now())))
        .limit(batch)
        .for("update", { skipLocked: true });
      return (
        await moveEntries(
          tx,
          due.map((d) => d.id),
          "pending",
          "payable",
          clock.now(),
        )
      ).length;
    });
    released += n;
    if (n < batch) return released;
  }
}
