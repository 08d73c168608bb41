import { changePassword, changePasswordInput, setLocale, setLocaleInput } from "@/server/domains/accounts/service";
import { router, userProcedure } from "../init";

export const accountRouter = router({
  me: userProcedure.query(({ ctx }) => ctx.actor),
  changePassword: userProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input, ctx.clock)),
  setLocale: userProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.db, ctx.actor, input, ctx.clock)),
});
