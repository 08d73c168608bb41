import {
  changeMemberRole,
  changeMemberRoleInput,
  invitationIdInput,
  inviteMember,
  inviteMemberInput,
  listTeam,
  removeMember,
  removeMemberInput,
  resendMemberInvitation,
  revokeMemberInvitation,
} from "@/server/domains/partners/team";
import { partnerProcedure, router } from "../../init";

/** The caller's own team; every change is the owners'. */
export const teamRouter = router({
  list: partnerProcedure().query(({ ctx }) => listTeam(ctx.service)),
  invite: partnerProcedure("owner")
    .input(inviteMemberInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.service, input)),
  resendInvitation: partnerProcedure("owner")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => resendMemberInvitation(ctx.service, input)),
  revokeInvitation: partnerProcedure("owner")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeMemberInvitation(ctx.service, input)),
  changeRole: partnerProcedure("owner")
    .input(changeMemberRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.service, input)),
  remove: partnerProcedure("owner")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.service, input)),
});
