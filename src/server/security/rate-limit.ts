import { eq, sql } from "drizzle-orm";
import { rateLimits } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateState {
  limited: boolean;
  retryAfterSeconds: number;
}

/** Is this key over its limit right now? Reads only. */
export async function checkRate(db: Db, key: string, rule: RateRule, clock: Clock): Promise<RateState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  const now = clock.now();
  if (!row || row.resetAt <= now || row.count < rule.limit) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000) };
}

/** Counts one hit in a fixed window, atomically (one upsert), and says whether it went over. */
export async function hitRate(db: Db, key: string, rule: RateRule, clock: Clock): Promise<RateState> {
  const now = clock.now();
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // Timestamps go in as ISO strings with a cast: postgres-js does not serialize a Date in raw SQL.
        count: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then ${resetAt.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
      },
    })
    .returning();
  const limited = row!.count > rule.limit;
  return { limited, retryAfterSeconds: limited ? Math.ceil((row!.resetAt.getTime() - now.getTime()) / 1000) : 0 };
}

/** Takes back one counted hit (a sign-in that turned out to be right). */
export async function undoHit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function clearRate(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
