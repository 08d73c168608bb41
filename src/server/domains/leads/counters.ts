import { sql } from "drizzle-orm";
import { leadCounts, leads } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/**
 * For bulk loads only (the bench seeder, scale tests): the counters' row trigger is off while
 * `load` inserts, then the counters are rebuilt from the table in one pass. A million-row insert
 * with the trigger on would queue a million deferred events.
 */
export async function withoutLeadCounters<T>(db: Db, load: () => Promise<T>): Promise<T> {
  await db.execute(sql`alter table leads disable trigger leads_count`);
  try {
    return await load();
  } finally {
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table leads enable trigger leads_count`);
      // Every row: the counters are rebuilt whole from the table.
      await tx.delete(leadCounts).where(sql`true`);
      await tx.insert(leadCounts).select(
        tx
          .select({ status: leads.status, flagged: leads.flagged, n: sql<number>`count(*)::int`.as("n") })
          .from(leads)
          .groupBy(leads.status, leads.flagged),
      );
    });
  }
}
