import { archiveAsset, createLinkAsset, restoreAsset, updateAsset } from "@/server/domains/enablement/assets-admin";
import {
  assetIdInput,
  assetUsageExportInput,
  assetUsageInput,
  createLinkAssetInput,
  listAssetsInput,
  topAssetsExportInput,
  topAssetsInput,
  updateAssetInput,
} from "@/server/domains/enablement/assets-input";
import { assetForStaff, listAssets } from "@/server/domains/enablement/assets-staff";
import { assetUsage, assetUsageCsv, topAssets, topAssetsCsv } from "@/server/domains/enablement/assets-usage";
import { csvHeaders } from "../../csv-headers";
import { router, staffProcedure } from "../../init";

/** Those who keep the library. */
const keepers = () => staffProcedure("admin", "partner_manager");
/** The usage figures only read: finance may see them too. */
const readers = () => staffProcedure("admin", "partner_manager", "finance");

/**
 * The asset library staff keep. Files arrive through POST /api/assets/upload (multipart, see
 * there why not base64 through tRPC); everything else is here.
 */
export const assetsRouter = router({
  list: keepers()
    .input(listAssetsInput)
    .query(({ ctx, input }) => listAssets(ctx.service, input)),
  get: keepers()
    .input(assetIdInput)
    .query(({ ctx, input }) => assetForStaff(ctx.service, input)),
  createLink: keepers()
    .input(createLinkAssetInput)
    .mutation(({ ctx, input }) => createLinkAsset(ctx.service, input)),
  update: keepers()
    .input(updateAssetInput)
    .mutation(({ ctx, input }) => updateAsset(ctx.service, input)),
  archive: keepers()
    .input(assetIdInput)
    .mutation(({ ctx, input }) => archiveAsset(ctx.service, input)),
  restore: keepers()
    .input(assetIdInput)
    .mutation(({ ctx, input }) => restoreAsset(ctx.service, input)),
  topAssets: readers()
    .input(topAssetsInput)
    .query(({ ctx, input }) => topAssets(ctx.service, input)),
  usage: readers()
    .input(assetUsageInput)
    .query(({ ctx, input }) => assetUsage(ctx.service, input)),
  exportTopAssetsCsv: readers()
    .input(topAssetsExportInput)
    .query(({ ctx, input }) =>
      topAssetsCsv(
        ctx.service,
        input,
        csvHeaders(ctx.locale, "assetsAdmin.columns", [
          "title",
          "kind",
          "category",
          "downloads",
          "partners",
          "lastDownload",
        ]),
      ),
    ),
  exportUsageCsv: readers()
    .input(assetUsageExportInput)
    .query(({ ctx, input }) =>
      assetUsageCsv(
        ctx.service,
        input,
        csvHeaders(ctx.locale, "assetsAdmin.columns", ["partner", "people", "downloads", "lastDownload"]),
      ),
    ),
});
