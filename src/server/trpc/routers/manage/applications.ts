import { z } from "zod";
import {
  approveApplication,
  approveApplicationInput,
  getApplication,
  listApplications,
  listApplicationsInput,
  rejectApplication,
  rejectApplicationInput,
} from "@/server/domains/partners/applications";
import { router, staffProcedure } from "../../init";

/** Partner applications, staff side: the queue and its decisions. */
export const applicationsRouter = router({
  list: staffProcedure("partner_manager")
    .input(listApplicationsInput)
    .query(({ ctx, input }) => listApplications(ctx.db, input)),
  get: staffProcedure("partner_manager")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getApplication(ctx.db, input.id)),
  approve: staffProcedure("partner_manager")
    .input(approveApplicationInput)
    .mutation(({ ctx, input }) => approveApplication(ctx.service, input)),
  reject: staffProcedure("partner_manager")
    .input(rejectApplicationInput)
    .mutation(({ ctx, input }) => rejectApplication(ctx.service, input)),
});
