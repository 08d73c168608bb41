import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mdfRequests } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { budgetPosition, setBudget } from "./mdf-budgets";
import { approveRequest, createRequest } from "./mdf-requests";

/**
 * Two managers approving at the same moment, for the last of one partner's quarter: on
 * PostgreSQL each approval runs in its own transaction on its own connection, started together.
 * Each alone would fit; together they would not. Exactly one may win, every round, and the
 * approved total never passes the allocation.
 */
const { db, admin, manager, partnerOwner, ctxOf } = await setupProgram();
const ROUNDS = 6;

describe("approvals racing for the last of a quarter's budget", () => {
  it("never together exceed it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // A quarter of its own each round, years ahead of anything the demo seed holds.
      const q = { year: 2030 + round, quarter: 2 };
      await setBudget(ctxOf(admin), { ...q, partnerId: partnerOwner.partnerId, amount: "1,000", note: "" });
      const asks = [];
      for (const name of ["Spring roadshow", "Partner webinar"])
        asks.push(
          await createRequest(ctxOf(partnerOwner), {
            campaignName: `${name} ${round}`,
            activityType: "event",
            description: "",
            startsOn: `${q.year}-04-10`,
            endsOn: `${q.year}-04-20`,
            totalCost: "1,500",
            requested: "700",
            expectedLeads: 5,
            expectedPipeline: "",
          }),
        );
      const results = await Promise.allSettled([
        approveRequest(ctxOf(manager), { requestId: asks[0]!.id, amount: "700", note: "" }),
        approveRequest(ctxOf(admin), { requestId: asks[1]!.id, amount: "700", note: "" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(["mdf.approveAboveBudget"]);
      const [sum] = await db
        .select({ approved: sql<string>`coalesce(sum(${mdfRequests.approvedMinor}), 0)::text` })
        .from(mdfRequests)
        .where(
          and(
            eq(mdfRequests.partnerId, partnerOwner.partnerId),
            eq(mdfRequests.year, q.year),
            eq(mdfRequests.quarter, q.quarter),
          ),
        );
      expect(BigInt(sum!.approved)).toBe(70_000n);
      const position = await budgetPosition(db, partnerOwner.partnerId, q);
      expect(position.approvedMinor <= position.allocatedMinor!).toBe(true);
      expect(position.remainingMinor).toBe(30_000n);
    }
  });
});
