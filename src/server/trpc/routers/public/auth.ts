import { z } from "zod";
import {
  requestPasswordReset,
  requestPasswordResetInput,
  resetPassword,
  resetPasswordInput,
  userTokenPurposeSchema,
} from "@/server/domains/accounts/service";
import { inspectUserToken } from "@/server/security/tokens";
import { publicProcedure, router } from "../../init";

/** Signed-out flows: forgotten password and invitation links. Sign-in itself is next-auth's. */
export const authRouter = router({
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.service, { ...input, ip: ctx.ip, locale: ctx.locale });
    return { ok: true as const };
  }),
  linkState: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), purpose: userTokenPurposeSchema }))
    .query(async ({ ctx, input }) => {
      const { state, row } = await inspectUserToken(ctx.db, input.token, input.purpose, ctx.clock);
      return { state, expiresAt: state === "valid" ? row!.expiresAt : null };
    }),
  resetPassword: publicProcedure
    .input(resetPasswordInput.extend({ purpose: userTokenPurposeSchema.default("password_reset") }))
    .mutation(({ ctx, input }) => resetPassword(ctx.service, input)),
});
