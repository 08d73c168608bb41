import type { z } from "zod";
import { topAssetsExportInput } from "@/server/domains/enablement/assets-input";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** The most used assets of the chosen period as CSV. */
export const GET = csvDownload("asset-usage", (caller, params) =>
  caller.manage.assets.exportTopAssetsCsv(
    filtersFromUrl(topAssetsExportInput, params, { period: "period" }) as z.input<typeof topAssetsExportInput>,
  ),
);
