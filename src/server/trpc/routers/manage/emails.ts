import { z } from "zod";
import { getEmail, listEmails, listEmailsInput } from "@/server/domains/notifications/queries";
import { retryEmail, retryEmailInput } from "@/server/domains/notifications/service";
import { router, staffProcedure } from "../../init";

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
      return { ok: true as const };
    }),
});
