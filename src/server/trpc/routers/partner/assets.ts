import { assetIdInput, libraryInput } from "@/server/domains/enablement/assets-input";
import { library, libraryAsset } from "@/server/domains/enablement/assets-library";
import { partnerProcedure, router } from "../../init";

/**
 * The asset library a partner's tier unlocks. Only reads: bytes are served (and downloads counted)
 * by the file routes under /api/assets/, through the same visibility rule.
 */
export const assetsRouter = router({
  list: partnerProcedure()
    .input(libraryInput)
    .query(({ ctx, input }) => library(ctx.service, input)),
  get: partnerProcedure()
    .input(assetIdInput)
    .query(({ ctx, input }) => libraryAsset(ctx.service, input)),
});
