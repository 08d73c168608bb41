import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { partners, tierChanges, tierOverrides, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { rolledBack } from "@/server/db/rollback";
import { setupProgram } from "@/server/testing/fixtures";
import { partnersDueForRecompute, recomputeAllTiers, recomputeTier } from "./tiers";
import { SYSTEM } from "../actor";

const { db, clock, manager, ctxOf } = await setupProgram();
const tierIds = new Map((await db.select({ id: tiers.id, key: tiers.key }).from(tiers)).map((t) => [t.key, t.id]));

/** Which active partners recomputing one by one would move: each recomputed, then rolled back. */
async function changedOneByOne(database: Db): Promise<string[]> {
  const active = await database.select({ id: partners.id }).from(partners).where(eq(partners.status, "active"));
  const moved: string[] = [];
  for (const { id } of active) {
    if ((await rolledBack(database, (tx) => recomputeTier(tx, id, clock)))?.changed) moved.push(id);
  }
  return moved.sort();
}

describe("nightly tier recompute", () => {
  it("finds in one pass exactly the partners a recompute one by one would move, moves them, and then finds none", async () => {
    const active = await db.select({ id: partners.id }).from(partners).where(eq(partners.status, "active"));
    // Scramble the program: everyone at the top, one partner held at silver by a live override,
    // one whose override ended yesterday.
    await db
      .update(partners)
      .set({ tierId: tierIds.get("platinum")! })
      .where(
        inArray(
          partners.id,
          active.map((p) => p.id),
        ),
      );
    const [held, released] = active;
    await db.insert(tierOverrides).values([
      {
        partnerId: held!.id,
        tierId: tierIds.get("silver")!,
        reason: "Strategic account",
        endsAt: new Date(clock.now().getTime() + 30 * DAY),
        createdBy: manager.userId,
      },
      {
        partnerId: released!.id,
        tierId: tierIds.get("platinum")!,
        reason: "Launch promise",
        endsAt: new Date(clock.now().getTime() - DAY),
        createdBy: manager.userId,
      },
    ]);

    const due = (await partnersDueForRecompute(ctxOf(SYSTEM))).sort();
    expect(due.length).toBeGreaterThan(0);
    expect(due).toContain(held!.id);
    expect(due).toEqual(await changedOneByOne(db));

    const changed = await recomputeAllTiers(ctxOf(SYSTEM));
    expect(changed).toBeGreaterThanOrEqual(due.length);
    const [heldNow] = await db.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, held!.id));
    expect(heldNow!.tierId).toBe(tierIds.get("silver"));
    const [endedOverride] = await db.select().from(tierOverrides).where(eq(tierOverrides.partnerId, released!.id));
    expect(endedOverride!.endedAt).not.toBeNull();
    expect(
      await db
        .select()
        .from(tierChanges)
        .where(and(eq(tierChanges.partnerId, held!.id), eq(tierChanges.cause, "override"))),
    ).toHaveLength(1);

    expect(await partnersDueForRecompute(ctxOf(SYSTEM))).toEqual([]);
    expect(await changedOneByOne(db)).toEqual([]);
    expect(await recomputeAllTiers(ctxOf(SYSTEM))).toBe(0);
  });
});
