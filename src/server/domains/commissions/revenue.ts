import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { wonRevenue } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export type WonRevenueSource = (typeof wonRevenue.$inferSelect)["sourceKind"];

/** Revenue a partner won from one source, at one revision of its amount. */
export interface RevenueWon {
  partnerId: string;
  sourceKind: WonRevenueSource;
  sourceRef: string;
  revision: number;
  amountMinor: bigint;
  currency: string;
  wonAt: Date;
}

/** Records revenue won; the same source at the same revision a second time changes nothing. */
export async function recordWonRevenue(tx: Db, won: RevenueWon, at: Date): Promise<void> {
  await tx
    .insert(wonRevenue)
    .values({ ...won, createdAt: at })
    .onConflictDoNothing({ target: [wonRevenue.sourceKind, wonRevenue.sourceRef, wonRevenue.revision] });
}

/**
 * A source's standing revisions below `beforeRevision` stop counting (a correction ends the
 * revision before it; a loss or a full refund ends them all). Bounded by revision, so a replayed
 * reversal never reaches a later revision; marking twice changes nothing.
 */
export async function reverseWonRevenue(
  tx: Db,
  source: { sourceKind: WonRevenueSource; sourceRef: string; beforeRevision: number },
  at: Date,
): Promise<void> {
  await tx
    .update(wonRevenue)
    .set({ reversedAt: at })
    .where(
      and(
        eq(wonRevenue.sourceKind, source.sourceKind),
        eq(wonRevenue.sourceRef, source.sourceRef),
        lt(wonRevenue.revision, source.beforeRevision),
        isNull(wonRevenue.reversedAt),
      ),
    );
}

/** Standing won revenue since a date, per partner: the sum in one currency (others are not converted) and the deals behind it. */
export function standingRevenue(db: Db, options: { since: Date; currency: string; partnerId?: string }) {
  return db
    .select({
      partnerId: wonRevenue.partnerId,
      revenue: sql<string>`coalesce(sum(${wonRevenue.amountMinor}) filter (where ${wonRevenue.currency} = ${options.currency}), 0)::text`,
      wonDeals: sql<number>`(count(*) filter (where ${wonRevenue.sourceKind} = 'deal'))::int`,
    })
    .from(wonRevenue)
    .where(
      and(
        isNull(wonRevenue.reversedAt),
        gte(wonRevenue.wonAt, options.since),
        options.partnerId ? eq(wonRevenue.partnerId, options.partnerId) : undefined,
      ),
    )
    .groupBy(wonRevenue.partnerId);
}
