import type { z } from "zod";
import { assetUsageExportInput } from "@/server/domains/enablement/assets-input";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** Who used one asset over the chosen period, per partner, as CSV. */
export const GET = csvDownload("asset-partners", (caller, params) =>
  caller.manage.assets.exportUsageCsv(
    filtersFromUrl(assetUsageExportInput, params, { asset: "assetId", period: "period" }) as z.input<
      typeof assetUsageExportInput
    >,
  ),
);
