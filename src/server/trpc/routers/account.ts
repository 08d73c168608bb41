import { changePassword, changePasswordInput, setLocale, setLocaleInput } from "@/server/domains/accounts/service";
import { acceptTerms, acceptTermsInput } from "@/server/domains/partners/terms";
import { getProgramSettings } from "@/server/domains/program/service";
import { router, userProcedure } from "../init";

/** Any signed-in user, partner or staff: their own account, and what every page needs to read. */
export const accountRouter = router({
  me: userProcedure.query(({ ctx }) => ctx.actor),
  changePassword: userProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { sessionVersion } = await changePassword(ctx.service, input);
    // Every other session of the user is signed out now; this one carries on at the new version.
    await ctx.session?.reissue(sessionVersion);
  }),
  setLocale: userProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.service, input)),
  /** The current program terms, accepted by the signed-in user. */
  acceptTerms: userProcedure
    .input(acceptTermsInput)
    .mutation(({ ctx, input }) => acceptTerms(ctx.service, { ...input, ip: ctx.ip })),
  /** Currency and windows: every signed-in user needs them to read money and dates. */
  programSettings: userProcedure.query(({ ctx }) => getProgramSettings(ctx.db)),
});
