import {
  changeStaffRole,
  changeStaffRoleInput,
  inviteStaff,
  inviteStaffInput,
  listStaff,
  listStaffInput,
  setStaffActive,
  setStaffActiveInput,
} from "@/server/domains/staff/service";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { router, staffProcedure } from "../init";

export const staffRouter = router({
  list: staffProcedure("admin")
    .input(listStaffInput)
    .query(({ ctx, input }) => listStaff(ctx.db, input)),
  invite: staffProcedure("admin")
    .input(inviteStaffInput)
    .mutation(async ({ ctx, input }) => {
      const result = await inviteStaff(ctx.service, input);
      await nudge(QUEUES.emailOutbox.name);
      return result;
    }),
  changeRole: staffProcedure("admin")
    .input(changeStaffRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole(ctx.service, input)),
  setActive: staffProcedure("admin")
    .input(setStaffActiveInput)
    .mutation(({ ctx, input }) => setStaffActive(ctx.service, input)),
});
