import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerBalances, ledgerEntries, programSettings } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { registerLead } from "../leads/register";
import { approveLead, markLeadWon } from "../leads/review";

/**
 * One partner's deals won at the same moment (a manager's team closing the quarter): on
 * PostgreSQL each win runs on its own connection. Every win posts its commission and recomputes
 * the partner's tier; none may fail on the other's locks, and the balances add up.
 */
const { db, manager, partnerOwner, ctxOf } = await setupProgram();
await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));
const WINS = 8;
const ROUNDS = 4;

describe("concurrent wins for one partner", () => {
  it("all succeed, each earns once, and the balances equal the entries", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ids: string[] = [];
      for (let n = 0; n < WINS; n++) {
        const lead = await registerLead(
          ctxOf(partnerOwner),
          await leadFor(db, `Quarter ${round}-${n} Ltd`, `quarter-${round}-${n}.example`),
        );
        await approveLead(ctxOf(manager), { leadId: lead.id });
        ids.push(lead.id);
      }
      const results = await Promise.allSettled(
        ids.map((leadId) =>
          markLeadWon(ctxOf(manager), { leadId, amount: "10,000", currency: "USD", closedOn: "2026-10-30" }),
        ),
      );
      expect(
        results
          .filter((r) => r.status === "rejected")
          .map((r) => String((r as PromiseRejectedResult).reason?.cause ?? (r as PromiseRejectedResult).reason)),
        `round ${round}`,
      ).toEqual([]);
    }
    const [entries] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.eventKey} like 'lead:%' and ${ledgerEntries.partnerId} = ${partnerOwner.partnerId}`);
    expect(entries!.n).toBeGreaterThanOrEqual(WINS * ROUNDS);
    const sums = await db
      .select({
        asset: ledgerEntries.asset,
        state: ledgerEntries.state,
        amount: sql<string>`sum(${ledgerEntries.amount})::text`,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.partnerId, partnerOwner.partnerId))
      .groupBy(ledgerEntries.asset, ledgerEntries.state);
    const balances = await db.select().from(ledgerBalances).where(eq(ledgerBalances.partnerId, partnerOwner.partnerId));
    for (const s of sums)
      expect(balances.find((b) => b.asset === s.asset && b.state === s.state)?.amount, `${s.asset}/${s.state}`).toBe(
        BigInt(s.amount),
      );
  });
});
