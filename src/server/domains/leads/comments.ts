import { eq } from "drizzle-orm";
import { z } from "zod";
import { leadComments, leads, partners } from "@/server/db/schema";
import type { PartnerActor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { lockLead } from "./history";
import { notifyPartner, notifyStaff } from "./notify";

export const addCommentInput = z.object({ leadId: z.uuid(), body: z.string().trim().min(1).max(5000) });

/**
 * One message in the lead's thread. A partner may only write on its own leads (anything else is
 * "not found"); a partner's reply answers a request for more information. The other side is emailed.
 */
export async function addLeadComment(
  ctx: ServiceCtx<PartnerActor | StaffActor>,
  input: z.infer<typeof addCommentInput>,
) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const lead = await lockLead(tx, input.leadId, actor.kind === "partner" ? actor.partnerId : undefined);
    const now = clock.now();
    const [comment] = await tx
      .insert(leadComments)
      .values({ leadId: lead.id, authorId: actor.userId, authorKind: actor.kind, body: input.body, createdAt: now })
      .returning();
    await tx
      .update(leads)
      .set({ lastActivityAt: now, ...(actor.kind === "partner" ? { infoRequestedAt: null } : {}) })
      .where(eq(leads.id, lead.id));
    if (actor.kind === "partner") {
      const [partner] = await tx
        .select({ managerId: partners.managerId })
        .from(partners)
        .where(eq(partners.id, lead.partnerId));
      await notifyStaff(
        tx,
        lead.reviewedBy ?? partner?.managerId ?? null,
        lead,
        { author: actor.name, body: input.body },
        clock,
      );
    } else {
      await notifyPartner(tx, lead, "leadComment", { author: actor.name, body: input.body }, clock);
    }
    await audit(
      tx,
      actor,
      { action: "lead.commented", entityType: "lead", entityId: lead.id, after: { commentId: comment!.id } },
      now,
    );
    return comment!;
  });
}
