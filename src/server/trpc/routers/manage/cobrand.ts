import {
  archiveCobrandTemplate,
  cobrandTemplateForEditing,
  createCobrandTemplate,
  previewPartners,
  restoreCobrandTemplate,
  updateCobrandTemplate,
  uploadCobrandLogo,
} from "@/server/domains/enablement/cobrand";
import {
  cobrandAssetInput,
  cobrandTemplateInput,
  updateCobrandTemplateInput,
  uploadCobrandLogoInput,
} from "@/server/domains/enablement/cobrand-input";
import { router, staffProcedure } from "../../init";

/** Those who keep the co-marketing library. */
const editors = () => staffProcedure("admin", "partner_manager");

/** Co-branded templates staff keep; every mutation is audited by its service. */
export const cobrandRouter = router({
  forEditing: editors()
    .input(cobrandAssetInput)
    .query(({ ctx, input }) => cobrandTemplateForEditing(ctx.service, input)),
  previewPartners: editors().query(({ ctx }) => previewPartners(ctx.db)),
  create: editors()
    .input(cobrandTemplateInput)
    .mutation(({ ctx, input }) => createCobrandTemplate(ctx.service, input)),
  update: editors()
    .input(updateCobrandTemplateInput)
    .mutation(({ ctx, input }) => updateCobrandTemplate(ctx.service, input)),
  archive: editors()
    .input(cobrandAssetInput)
    .mutation(({ ctx, input }) => archiveCobrandTemplate(ctx.service, input)),
  restore: editors()
    .input(cobrandAssetInput)
    .mutation(({ ctx, input }) => restoreCobrandTemplate(ctx.service, input)),
  uploadLogo: editors()
    .input(uploadCobrandLogoInput)
    .mutation(({ ctx, input }) => uploadCobrandLogo(ctx.service, input)),
});
