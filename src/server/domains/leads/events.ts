import { and, eq } from "drizzle-orm";
import { customers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { commissionWonDeal, correctDealCommissions, reverseLeadCommissions } from "../commissions/engine";
import { recomputeTier } from "../commissions/tiers";
import { addCustomerFromWonLead } from "./customers";

/** A lead became a won deal: the fact the commission engine pays on. */
export interface LeadWonEvent {
  leadId: string;
  partnerId: string;
  productId: string;
  companyName: string;
  domain: string;
  amountMinor: bigint;
  currency: string;
  closedOn: string;
  wonAt: Date;
  /** 0 for the win; each correction of the deal amount adds one. */
  revision: number;
}

/**
 * Everything that follows from a won deal, as one call inside the transaction that marks it
 * won, so it all commits or rolls back together: the company becomes a customer (so no partner
 * registers it again), the commission is earned at the partner's current tier rate with any
 * active bonus, and then the tier is recomputed (the next deal pays a new tier's rate).
 */
export async function leadWon(tx: Db, event: LeadWonEvent, clock: Clock): Promise<void> {
  await addCustomerFromWonLead(tx, event, clock);
  await commissionWonDeal(tx, { ...event }, clock);
  await recomputeTier(tx, event.partnerId, clock);
}

/** A won deal's amount was corrected: commissions computed from it are reversed and earned again. */
export async function leadDealCorrected(tx: Db, event: LeadWonEvent, note: string, clock: Clock): Promise<void> {
  await correctDealCommissions(tx, { ...event }, note, clock);
  await recomputeTier(tx, event.partnerId, clock);
}

/** A won deal turned lost: its commissions are clawed back and the company is no longer a customer through it. */
export async function wonLeadLost(tx: Db, event: { leadId: string; partnerId: string; revision: number }, note: string, clock: Clock): Promise<void> {
  await reverseLeadCommissions(tx, event.leadId, event.revision, note, clock);
  await tx.delete(customers).where(and(eq(customers.source, "won_lead"), eq(customers.sourceRef, event.leadId)));
  await recomputeTier(tx, event.partnerId, clock);
}
