import { partnerDashboard } from "@/server/domains/partners/queries";
import { ownProfile, removeLogo, updateOwnProfile, updateOwnProfileInput, uploadLogo, uploadLogoInput } from "@/server/domains/partners/profile";
import { partnerProcedure, router } from "../init";

/** The partner portal's own views; the organization always comes from the session. */
export const partnerPortalRouter = router({
  dashboard: partnerProcedure().query(({ ctx }) => partnerDashboard(ctx.db, ctx.actor)),
  profile: partnerProcedure().query(({ ctx }) => ownProfile(ctx.db, ctx.actor)),
  updateProfile: partnerProcedure("owner")
    .input(updateOwnProfileInput)
    .mutation(({ ctx, input }) => updateOwnProfile(ctx.db, ctx.actor, input, ctx.clock)),
  uploadLogo: partnerProcedure("owner")
    .input(uploadLogoInput)
    .mutation(({ ctx, input }) => uploadLogo(ctx.db, ctx.actor, input, ctx.clock)),
  removeLogo: partnerProcedure("owner").mutation(({ ctx }) => removeLogo(ctx.db, ctx.actor, ctx.clock)),
});
