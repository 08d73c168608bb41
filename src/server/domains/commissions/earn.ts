import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";
import { withTransaction, type ServiceCtx } from "../context";
import { commissionWonDeal, correctDealCommissions, reverseLeadCommissions, type WonDeal } from "./engine";
import { postEntries, type LedgerEntry } from "./ledger";
import { earningBasis, type EarningBasis } from "./plans";
import { recordWonRevenue, reverseWonRevenue } from "./revenue";
import { recomputeTier, type TierRecompute } from "./tiers";

export type { WonDeal };

/**
 * The facts the program pays on, each the one way its kind of event reaches the ledger. Every
 * fact names its partner; what it earns, what revenue it wins (or takes back) and whether the
 * partner's tier is rechecked is the fact kind's rule below. Next to come, as kinds of their own:
 * a referred customer's paid invoice and its refund, points converted to cash.
 */
export type EarningFact =
  /** A lead became a won deal (at its current revision). */
  | ({ kind: "deal_won" } & WonDeal)
  /** A won deal's amount was corrected: `revision` is the new one. */
  | ({ kind: "deal_corrected"; note: string } & WonDeal)
  /** A won deal (at `revision`) turned lost. */
  | { kind: "deal_lost"; leadId: string; partnerId: string; revision: number; note: string }
  /** Staff approved an MDF claim: the approved amount is owed to the partner at once. */
  | {
      kind: "mdf_claim_approved";
      claimId: string;
      partnerId: string;
      amountMinor: bigint;
      currency: string;
      note: string;
    };

export type EarningFactKind = EarningFact["kind"];

/** What a fact did: the ledger entries it posted (none on a replay) and the tier recheck, if it ran. */
export interface Earned {
  entries: LedgerEntry[];
  tier: TierRecompute | null;
}

/** How one kind of fact becomes ledger entries and won revenue, inside the caller's transaction. */
interface FactRule<F extends EarningFact> {
  /** The entries the fact earns (or reverses). Each is keyed by its source event, so a replay posts nothing. */
  post(tx: Db, fact: F, basis: EarningBasis, clock: Clock): Promise<LedgerEntry[]>;
  /** What the fact does to the won revenue tier numbers are measured on (idempotent too). */
  revenue(tx: Db, fact: F, at: Date): Promise<void>;
  /** Whether the fact can move the partner's tier (an MDF claim, say, will not). */
  recheckTier: boolean;
}

const dealRevenue = (deal: WonDeal) => ({
  partnerId: deal.partnerId,
  sourceKind: "deal" as const,
  sourceRef: deal.leadId,
  revision: deal.revision,
  amountMinor: deal.amountMinor,
  currency: deal.currency,
  wonAt: deal.wonAt,
});

const RULES: { [K in EarningFactKind]: FactRule<Extract<EarningFact, { kind: K }>> } = {
  deal_won: {
    post: (tx, fact, basis, clock) => commissionWonDeal(tx, fact, clock, basis),
    revenue: (tx, fact, at) => recordWonRevenue(tx, dealRevenue(fact), at),
    recheckTier: true,
  },
  deal_corrected: {
    // Entries computed from the amount are reversed and earned again at the rate they were earned at.
    post: (tx, fact, _basis, clock) => correctDealCommissions(tx, fact, fact.note, clock),
    revenue: async (tx, fact, at) => {
      await reverseWonRevenue(tx, { sourceKind: "deal", sourceRef: fact.leadId, beforeRevision: fact.revision }, at);
      await recordWonRevenue(tx, dealRevenue(fact), at);
    },
    recheckTier: true,
  },
  deal_lost: {
    post: (tx, fact, _basis, clock) => reverseLeadCommissions(tx, fact.leadId, fact.revision, fact.note, clock),
    revenue: (tx, fact, at) =>
      reverseWonRevenue(tx, { sourceKind: "deal", sourceRef: fact.leadId, beforeRevision: fact.revision + 1 }, at),
    recheckTier: true,
  },
  mdf_claim_approved: {
    // Funds the vendor reimburses, not earnings: payable now (no hold), no revenue, no tier move.
    post: (tx, fact, _basis, clock) => {
      const now = clock.now();
      return postEntries(tx, [
        {
          partnerId: fact.partnerId,
          asset: fact.currency,
          amount: fact.amountMinor,
          source: "mdf",
          state: "payable",
          availableAt: now,
          eventKey: `mdf_claim:${fact.claimId}`,
          mdfClaimId: fact.claimId,
          note: fact.note,
          createdAt: now,
          stateChangedAt: now,
        },
      ]);
    },
    revenue: async () => {},
    recheckTier: false,
  },
};

/**
 * The one door through which a fact becomes ledger entries and a tier recheck. It runs in the
 * caller's transaction (the one that records the fact itself, so everything commits or rolls
 * back together) or a new one: the partner's plan and the program settings are read once, the
 * fact's rule posts its entries and writes its revenue, and then the partner's tier is
 * recomputed on the new numbers (so the next fact pays the new tier's rate).
 */
export async function earn(ctx: ServiceCtx, fact: EarningFact): Promise<Earned> {
  return withTransaction(ctx, async (tx) => {
    const rule = RULES[fact.kind] as FactRule<EarningFact>;
    const basis = await earningBasis(tx, fact.partnerId);
    const entries = await rule.post(tx, fact, basis, ctx.clock);
    await rule.revenue(tx, fact, ctx.clock.now());
    // The numbers moved it, not the person who recorded the fact: the system changes the tier.
    const tier = rule.recheckTier ? await recomputeTier(tx, fact.partnerId, ctx.clock, { basis }) : null;
    return { entries, tier };
  });
}
