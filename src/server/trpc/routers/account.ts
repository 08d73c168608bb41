import { changePassword, changePasswordInput, setLocale, setLocaleInput } from "@/server/domains/accounts/service";
import { router, userProcedure } from "../init";

export const accountRouter = router({
  me: userProcedure.query(({ ctx }) => ctx.actor),
  changePassword: userProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { sessionVersion } = await changePassword(ctx.service, input);
    // Every other session of the user is signed out now; this one carries on at the new version.
    await ctx.session?.reissue(sessionVersion);
  }),
  setLocale: userProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.service, input)),
});
