import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerBalances, ledgerEntries, partners } from "@/server/db/schema";
import { SYSTEM } from "@/server/domains/actor";
import { setupProgram } from "@/server/testing/fixtures";
import { earn } from "./earn";

const { db, clock, partnerOwner, ctxOf } = await setupProgram();

const payable = async () =>
  (await db.select().from(ledgerBalances).where(eq(ledgerBalances.partnerId, partnerOwner.partnerId))).find(
    (b) => b.asset === "USD" && b.state === "payable",
  )?.amount ?? 0n;

describe("earn: an approved MDF claim", () => {
  it("posts one payable mdf entry keyed by the claim, moves no tier, and a replay posts nothing", async () => {
    const claimId = randomUUID();
    const [before] = await db
      .select({ tierId: partners.tierId })
      .from(partners)
      .where(eq(partners.id, partnerOwner.partnerId));
    const balanceBefore = await payable();
    const fact = {
      kind: "mdf_claim_approved" as const,
      claimId,
      partnerId: partnerOwner.partnerId,
      amountMinor: 123_456n,
      currency: "USD",
      note: "MDF-0001 Summit booth",
    };
    const first = await earn(ctxOf(SYSTEM), fact);
    expect(first.tier).toBeNull();
    expect(first.entries).toHaveLength(1);
    expect(first.entries[0]).toMatchObject({
      source: "mdf",
      state: "payable",
      amount: 123_456n,
      eventKey: `mdf_claim:${claimId}`,
      mdfClaimId: claimId,
      leadId: null,
    });
    expect(first.entries[0]!.availableAt.getTime()).toBe(clock.now().getTime());
    const replay = await earn(ctxOf(SYSTEM), fact);
    expect(replay.entries).toEqual([]);
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.mdfClaimId, claimId))).toHaveLength(1);
    expect((await payable()) - balanceBefore).toBe(123_456n);
    const [after] = await db
      .select({ tierId: partners.tierId })
      .from(partners)
      .where(eq(partners.id, partnerOwner.partnerId));
    expect(after!.tierId).toBe(before!.tierId);
  });
});
