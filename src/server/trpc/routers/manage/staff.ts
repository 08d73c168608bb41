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
import { router, staffProcedure } from "../../init";

export const staffRouter = router({
  list: staffProcedure("admin")
    .input(listStaffInput)
    .query(({ ctx, input }) => listStaff(ctx.db, input)),
  invite: staffProcedure("admin")
    .input(inviteStaffInput)
    .mutation(({ ctx, input }) => inviteStaff(ctx.service, input)),
  changeRole: staffProcedure("admin")
    .input(changeStaffRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole(ctx.service, input)),
  setActive: staffProcedure("admin")
    .input(setStaffActiveInput)
    .mutation(({ ctx, input }) => setStaffActive(ctx.service, input)),
});
