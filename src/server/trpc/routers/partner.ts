import { partnerDashboard } from "@/server/domains/partners/queries";
import {
  ownProfile,
  removeLogo,
  updateOwnProfile,
  updateOwnProfileInput,
  uploadLogo,
  uploadLogoInput,
} from "@/server/domains/partners/profile";
import { partnerProcedure, router } from "../init";

/** The partner portal's own views; the organization always comes from the session. */
export const partnerPortalRouter = router({
  dashboard: partnerProcedure().query(({ ctx }) => partnerDashboard(ctx.service)),
  profile: partnerProcedure().query(({ ctx }) => ownProfile(ctx.service)),
  updateProfile: partnerProcedure("owner")
    .input(updateOwnProfileInput)
    .mutation(({ ctx, input }) => updateOwnProfile(ctx.service, input)),
  uploadLogo: partnerProcedure("owner")
    .input(uploadLogoInput)
    .mutation(({ ctx, input }) => uploadLogo(ctx.service, input)),
  removeLogo: partnerProcedure("owner").mutation(({ ctx }) => removeLogo(ctx.service)),
});
