import { z } from "zod";
import { acceptInvitation, acceptInvitationInput, inspectInvitation } from "@/server/domains/partners/invitations";
import { publicProcedure, router } from "../../init";

/** The invitation link's page: anyone holding the link may read its state and accept it. */
export const invitationsRouter = router({
  inspect: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => inspectInvitation(ctx.service, input.token)),
  accept: publicProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.service, { ...input, ip: ctx.ip, locale: ctx.locale })),
});
