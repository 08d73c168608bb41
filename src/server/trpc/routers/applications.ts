import { z } from "zod";
import {
  approveApplication,
  approveApplicationInput,
  getApplication,
  listApplications,
  listApplicationsInput,
  rejectApplication,
  rejectApplicationInput,
  submitApplication,
  submitApplicationInput,
} from "@/server/domains/partners/applications";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { publicProcedure, router, staffProcedure } from "../init";

const afterEmail = <T>(result: T) => nudge(QUEUES.emailOutbox.name).then(() => result);

export const applicationsRouter = router({
  /** The public application form. */
  submit: publicProcedure
    .input(submitApplicationInput)
    .mutation(({ ctx, input }) =>
      submitApplication(ctx.service, { ...input, ip: ctx.ip, locale: ctx.locale }).then(afterEmail),
    ),
  list: staffProcedure("partner_manager")
    .input(listApplicationsInput)
    .query(({ ctx, input }) => listApplications(ctx.db, input)),
  get: staffProcedure("partner_manager")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getApplication(ctx.db, input.id)),
  approve: staffProcedure("partner_manager")
    .input(approveApplicationInput)
    .mutation(({ ctx, input }) => approveApplication(ctx.service, input).then(afterEmail)),
  reject: staffProcedure("partner_manager")
    .input(rejectApplicationInput)
    .mutation(({ ctx, input }) => rejectApplication(ctx.service, input).then(afterEmail)),
});
