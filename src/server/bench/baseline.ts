import { leads } from "@/server/db/schema";
import { env } from "@/lib/env";
import type { PartnerActor } from "@/server/domains/actor";
import type { ServiceCtx } from "@/server/domains/context";
import type { LeadInput } from "@/server/domains/leads/fields";

/** Only the benchmark's server turns this on (BENCH_ENDPOINTS=true); everywhere else the baselines answer 404. */
export function benchEndpointsEnabled(): boolean {
  return env().BENCH_ENDPOINTS === "true";
}

/**
 * The registration baseline: the same input through the same tRPC path, one insert into the same
 * table with the same indexes, and none of the rules (no locks, limits, conflict check, event,
 * email or audit). Registration's cost over this is what the rules cost.
 */
export async function insertBareLead(ctx: ServiceCtx<PartnerActor>, input: LeadInput): Promise<{ id: string }> {
  const { db, actor, clock } = ctx;
  const now = clock.now();
  const [row] = await db
    .insert(leads)
    .values({
      partnerId: actor.partnerId,
      registeredBy: actor.userId,
      companyName: input.companyName,
      normalizedName: input.companyName.toLowerCase(),
      website: input.website,
      domain: input.website.toLowerCase(),
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      country: input.country,
      productId: input.productId,
      estimatedValueMinor: 100_000n,
      currency: input.currency,
      expectedCloseDate: input.expectedCloseDate,
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: leads.id });
  return row!;
}
