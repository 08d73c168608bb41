import { z } from "zod";
import { getEmail, listEmails, listEmailsInput } from "@/server/domains/notifications/queries";
import { requeueEmails } from "@/server/integrations/email/outbox";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { audit } from "@/server/domains/audit/service";
import { router, staffProcedure } from "../init";

export const emailsRouter = router({
  list: staffProcedure("admin").input(listEmailsInput).query(({ ctx, input }) => listEmails(ctx.db, input)),
  get: staffProcedure("admin")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getEmail(ctx.db, input.id)),
  retry: staffProcedure("admin")
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await requeueEmails(tx, [input.id], ctx.clock);
        await audit(tx, ctx.actor, { action: "email.requeued", entityType: "email", entityId: input.id }, ctx.clock.now());
      });
      await nudge(QUEUES.emailOutbox.name);
      return { ok: true as const };
    }),
});
