import { and, eq } from "drizzle-orm";
import { leadEvents, leads } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { NotFoundError } from "../errors";

export type Lead = typeof leads.$inferSelect;
export type LeadStatus = Lead["status"];
export type LeadEventKind =
  LeadStatus | "edited" | "info_requested" | "reassigned" | "expiry_warned" | "deal_corrected";

/** One line of a lead's timeline. */
export async function recordEvent(
  tx: Db,
  lead: Pick<Lead, "id" | "status">,
  event: { kind: LeadEventKind; toStatus: LeadStatus; note?: string | null; actorId: string | null; at: Date },
): Promise<void> {
  await tx.insert(leadEvents).values({
    leadId: lead.id,
    kind: event.kind,
    fromStatus: lead.status,
    toStatus: event.toStatus,
    note: event.note ?? null,
    actorId: event.actorId,
    at: event.at,
  });
}

/** The lead, locked for this transaction; with `partnerId`, only if it is that partner's (else "not found"). */
export async function lockLead(tx: Db, leadId: string, partnerId?: string): Promise<Lead> {
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), partnerId ? eq(leads.partnerId, partnerId) : undefined))
    .for("update");
  if (!lead) throw new NotFoundError("lead.notFound", "leadId");
  return lead;
}
