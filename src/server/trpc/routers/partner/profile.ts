import {
  ownProfile,
  removeLogo,
  updateOwnProfile,
  updateOwnProfileInput,
  uploadLogo,
  uploadLogoInput,
} from "@/server/domains/partners/profile";
import { partnerProcedure, router } from "../../init";

/** The organization's own profile and logo; which organization always comes from the session. */
export const profileRouter = router({
  get: partnerProcedure().query(({ ctx }) => ownProfile(ctx.service)),
  update: partnerProcedure("owner")
    .input(updateOwnProfileInput)
    .mutation(({ ctx, input }) => updateOwnProfile(ctx.service, input)),
  uploadLogo: partnerProcedure("owner")
    .input(uploadLogoInput)
    .mutation(({ ctx, input }) => uploadLogo(ctx.service, input)),
  removeLogo: partnerProcedure("owner").mutation(({ ctx }) => removeLogo(ctx.service)),
});
