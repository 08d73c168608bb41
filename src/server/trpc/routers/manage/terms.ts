import { listTerms, publishTerms, publishTermsInput } from "@/server/domains/partners/terms";
import { router, staffProcedure } from "../../init";

export const termsRouter = router({
  list: staffProcedure("partner_manager").query(({ ctx }) => listTerms(ctx.db)),
  publish: staffProcedure("partner_manager")
    .input(publishTermsInput)
    .mutation(({ ctx, input }) => publishTerms(ctx.service, input)),
});
