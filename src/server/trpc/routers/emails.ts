import { z } from "zod";
import { getEmail, listEmails, listEmailsInput } from "@/server/domains/notifications/queries";
import { retryEmail, retryEmailInput } from "@/server/domains/notifications/service";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { router, staffProcedure } from "../init";

export const emailsRouter = router({
  list: staffProcedure("admin")
    .input(listEmailsInput)
    .query(({ ctx, input }) => listEmails(ctx.db, input)),
  get: staffProcedure("admin")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getEmail(ctx.db, input.id)),
  retry: staffProcedure("admin")
    .input(retryEmailInput)
    .mutation(async ({ ctx, input }) => {
      await retryEmail(ctx.service, input);
      await nudge(QUEUES.emailOutbox.name);
      return { ok: true as const };
    }),
});
