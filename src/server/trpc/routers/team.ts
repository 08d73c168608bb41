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
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { partnerProcedure, router } from "../init";

const afterEmail = <T>(result: T) => nudge(QUEUES.emailOutbox.name).then(() => result);

/** The caller's own team; every change is the owners'. */
export const teamRouter = router({
  list: partnerProcedure().query(({ ctx }) => listTeam(ctx.db, ctx.actor, ctx.clock)),
  invite: partnerProcedure("owner")
    .input(inviteMemberInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input, ctx.clock).then(afterEmail)),
  resendInvitation: partnerProcedure("owner")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => resendMemberInvitation(ctx.db, ctx.actor, input, ctx.clock).then(afterEmail)),
  revokeInvitation: partnerProcedure("owner")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeMemberInvitation(ctx.db, ctx.actor, input, ctx.clock)),
  changeRole: partnerProcedure("owner")
    .input(changeMemberRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input, ctx.clock)),
  remove: partnerProcedure("owner")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input, ctx.clock)),
});
