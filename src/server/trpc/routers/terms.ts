import {
  acceptTerms,
  acceptTermsInput,
  currentTerms,
  listTerms,
  publishTerms,
  publishTermsInput,
} from "@/server/domains/partners/terms";
import { publicProcedure, router, staffProcedure, userProcedure } from "../init";

export const termsRouter = router({
  /** The current version, shown on the public application form and invitation page. */
  current: publicProcedure.query(({ ctx }) => currentTerms(ctx.db)),
  list: staffProcedure("partner_manager").query(({ ctx }) => listTerms(ctx.db)),
  publish: staffProcedure("partner_manager")
    .input(publishTermsInput)
    .mutation(({ ctx, input }) => publishTerms(ctx.service, input)),
  accept: userProcedure
    .input(acceptTermsInput)
    .mutation(({ ctx, input }) => acceptTerms(ctx.service, { ...input, ip: ctx.ip })),
});
