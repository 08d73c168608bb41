import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { leadCounts, leads, products, programSettings } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { rolledBack } from "@/server/db/rollback";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { DomainError } from "../errors";
import { importLeads } from "./import";
import { expireStaleLeads } from "./lifecycle";
import { registerLead, updateLead, withdrawLead } from "./register";
import { approveLead, bulkReviewLeads, markLeadLost, markLeadWon, rejectLead } from "./review";
import { SYSTEM } from "../actor";

const { db, clock, manager, partnerOwner, otherPartnerOwner, ctxOf } = await setupProgram();
await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));

/** The trigger-kept counters against a count of the table itself. */
async function expectNoDrift(database: Db) {
  const actual = await database
    .select({ status: leads.status, flagged: leads.flagged, n: sql<number>`count(*)::int` })
    .from(leads)
    .groupBy(leads.status, leads.flagged);
  const kept = await database.select().from(leadCounts);
  const key = (r: { status: string; flagged: boolean }) => `${r.status}/${r.flagged}`;
  const nonZero = (rows: { status: string; flagged: boolean; n: number }[]) =>
    Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [key(r), r.n]));
  expect(nonZero(kept)).toEqual(nonZero(actual));
}

type Op =
  | { kind: "register"; by: 0 | 1; company: number }
  | { kind: "update"; pick: number; company: number }
  | { kind: "approve" | "reject" | "win" | "lose" | "withdraw"; pick: number }
  | { kind: "bulkApprove"; picks: number[] }
  | { kind: "import"; by: 0 | 1; companies: number[] }
  | { kind: "expire" }
  | { kind: "rolledBack"; company: number };

const company = fc.integer({ min: 0, max: 5 });
const pick = fc.nat({ max: 1000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("register" as const), by: fc.constantFrom(0 as const, 1 as const), company }),
  fc.record({ kind: fc.constant("update" as const), pick, company }),
  fc.record({
    kind: fc.constantFrom("approve" as const, "reject" as const, "win" as const, "lose" as const, "withdraw" as const),
    pick,
  }),
  fc.record({ kind: fc.constant("bulkApprove" as const), picks: fc.array(pick, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant("import" as const),
    by: fc.constantFrom(0 as const, 1 as const),
    companies: fc.array(company, { minLength: 1, maxLength: 3 }),
  }),
  fc.constant({ kind: "expire" as const }),
  fc.record({ kind: fc.constant("rolledBack" as const), company }),
);

let round = 0;

async function apply(o: Op, run: number) {
  const all = await db
    .select({ id: leads.id, partnerId: leads.partnerId })
    .from(leads)
    .orderBy(leads.createdAt, leads.id);
  const nth = (n: number) => all[n % all.length]!;
  const name = (c: number) => `Drift ${run} Co ${c}`;
  const site = (c: number) => `drift-${run}-${c}.example`;
  const owners = [partnerOwner, otherPartnerOwner];
  switch (o.kind) {
    case "register":
      return registerLead(ctxOf(owners[o.by]!), await leadFor(db, name(o.company), site(o.company)));
    case "update": {
      const lead = nth(o.pick);
      const owner = owners.find((a) => a.partnerId === lead.partnerId);
      return owner
        ? updateLead(ctxOf(owner), { leadId: lead.id, ...(await leadFor(db, name(o.company), site(o.company))) })
        : null;
    }
    case "approve":
      return approveLead(ctxOf(manager), { leadId: nth(o.pick).id });
    case "reject":
      return rejectLead(ctxOf(manager), { leadId: nth(o.pick).id, reason: "Not a fit for the program." });
    case "win":
      return markLeadWon(ctxOf(manager), {
        leadId: nth(o.pick).id,
        amount: "20000",
        currency: "USD",
        closedOn: "2026-10-30",
      });
    case "lose":
      return markLeadLost(ctxOf(manager), { leadId: nth(o.pick).id, reason: "Chose a competitor." });
    case "withdraw": {
      const lead = nth(o.pick);
      const owner = owners.find((a) => a.partnerId === lead.partnerId);
      return owner ? withdrawLead(ctxOf(owner), { leadId: lead.id, reason: "" }) : null;
    }
    case "bulkApprove":
      return bulkReviewLeads(ctxOf(manager), { action: "approve", leadIds: o.picks.map((p) => nth(p).id) });
    case "import": {
      const [{ name: productName }] = (await db
        .select({ name: products.name })
        .from(products)
        .where(eq(products.id, (await leadFor(db, "x", "x.example")).productId))) as [{ name: string }];
      const csv = [
        "company_name,website,contact_name,contact_email,country,product,estimated_value,expected_close_date",
        ...o.companies.map((c) => `${name(c)},${site(c)},Dana Buyer,dana@${site(c)},US,${productName},1000,2027-06-30`),
      ].join("\n");
      return importLeads(ctxOf(owners[o.by]!), { csv });
    }
    case "expire":
      return expireStaleLeads(ctxOf(SYSTEM, fixedClock(new Date(clock.now().getTime() + 400 * DAY))));
    case "rolledBack":
      return rolledBack(db, async (tx) =>
        registerLead(
          { db: tx, actor: partnerOwner, clock },
          await leadFor(tx, name(o.company), `rolled-${site(o.company)}`),
        ),
      );
  }
}

describe("lead status counters", () => {
  it("start equal to the table", async () => {
    await expectNoDrift(db);
  });

  it("never drift from the table, whatever sequence of registrations, reviews, imports, expiries and rollbacks runs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const run = ++round;
        for (const o of ops) {
          await apply(o, run).catch((error: unknown) => {
            if (!(error instanceof DomainError)) throw error; // a refusal is part of the game
          });
        }
        await expectNoDrift(db);
      }),
      { numRuns: 25 },
    );
    // The runs did move their own leads through the doors, not only knock on them.
    const moved = await db
      .selectDistinct({ status: leads.status })
      .from(leads)
      .where(sql`${leads.companyName} like 'Drift %'`);
    expect(moved.length).toBeGreaterThanOrEqual(3);
  });
});
