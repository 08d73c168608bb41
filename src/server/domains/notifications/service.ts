import { z } from "zod";
import { requeueEmails } from "@/server/integrations/email/outbox";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";

export const retryEmailInput = z.object({ id: z.uuid() });

/** Puts a failed email back in the outbox for another round of attempts (anything else is left as it is). */
export async function retryEmail(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof retryEmailInput>): Promise<void> {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    await requeueEmails(tx, [input.id], clock);
    await audit(tx, actor, { action: "email.requeued", entityType: "email", entityId: input.id }, clock.now());
  });
}
