import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leads } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import type { PartnerActor } from "../actor";
import { DomainError } from "../errors";
import { registerLead } from "./register";
import { approveLead } from "./review";

/**
 * Real concurrent transactions: on PostgreSQL (TEST_DATABASE_URL, as in CI) each call below runs
 * on its own connection at the same time; on the embedded database they queue on its one
 * connection, and the same invariants must hold.
 */
const { db, manager, partnerOwner, otherPartnerOwner, actorByEmail, ctxOf } = await setupProgram();
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const ROUNDS = 12;

async function settle<T>(work: Promise<T>[]): Promise<(T | DomainError)[]> {
  const results = await Promise.allSettled(work);
  return results.map((r) => {
    if (r.status === "fulfilled") return r.value;
    if (r.reason instanceof DomainError) return r.reason;
    throw r.reason;
  });
}

describe("concurrent registrations of one company", () => {
  it("by three partners, each approving its own at once: exactly one ends up approved", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const company = `Race ${round} Inc`;
      const website = `https://www.race-${round}.example/pricing`;
      const chains = [partnerOwner, otherPartnerOwner, kestrel].map(async (actor) => {
        const lead = await registerLead(ctxOf(actor), await leadFor(db, company, website));
        return approveLead(ctxOf(manager), { leadId: lead.id }).then(() => lead.id);
      });
      await settle(chains);
      const rows = await db
        .select({ status: leads.status, flagged: leads.flagged })
        .from(leads)
        .where(inArray(leads.domain, [`race-${round}.example`]));
      expect(
        rows.filter((r) => r.status === "approved"),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it("registered at once by two partners: the one checked second is flagged, never neither", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const results = await settle(
        [partnerOwner, otherPartnerOwner].map(async (actor) =>
          registerLead(ctxOf(actor), await leadFor(db, `Pair ${round}`, `pair-${round}.example`)),
        ),
      );
      const created = results.filter((r): r is Exclude<typeof r, DomainError> => !(r instanceof DomainError));
      expect(created).toHaveLength(2);
      expect(
        created.filter((l) => l.flagged),
        `round ${round}`,
      ).toHaveLength(1);
      // Approving both at once still leaves exactly one approved.
      await settle(created.map((l) => approveLead(ctxOf(manager), { leadId: l.id })));
      const rows = await db
        .select({ status: leads.status })
        .from(leads)
        .where(inArray(leads.domain, [`pair-${round}.example`]));
      expect(
        rows.filter((r) => r.status === "approved"),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it("submitted twice at once by one partner (a double click): one lead, one duplicate refusal", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const input = await leadFor(db, `Double ${round}`, `double-${round}.example`);
      const results = await settle([registerLead(ctxOf(kestrel), input), registerLead(ctxOf(kestrel), input)]);
      expect(results.filter((r) => r instanceof DomainError).map((e) => (e as DomainError).code)).toEqual([
        "lead.conflict.duplicate",
      ]);
    }
  });
});
