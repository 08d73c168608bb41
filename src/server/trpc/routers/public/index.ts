import { submitApplication, submitApplicationInput } from "@/server/domains/partners/applications";
import { currentTerms } from "@/server/domains/partners/terms";
import { publicProcedure, router } from "../../init";
import { authRouter } from "./auth";
import { certificatesRouter } from "./certificates";
import { invitationsRouter } from "./invitations";

/** Anyone, signed in or not: applying, password and invitation links, the current terms. */
export const publicRouter = router({
  applications: router({
    /** The public application form. */
    submit: publicProcedure
      .input(submitApplicationInput)
      .mutation(({ ctx, input }) => submitApplication(ctx.service, { ...input, ip: ctx.ip, locale: ctx.locale })),
  }),
  auth: authRouter,
  invitations: invitationsRouter,
  certificates: certificatesRouter,
  /** The current version, shown on the public application form and invitation page. */
  terms: publicProcedure.query(({ ctx }) => currentTerms(ctx.db)),
});
