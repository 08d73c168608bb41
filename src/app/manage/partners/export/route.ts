import type { z } from "zod";
import { directoryFilters } from "@/server/domains/partners/directory";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the directory page → field of the export's input. */
const FIELDS = {
  q: "search",
  type: "type",
  tier: "tierId",
  status: "status",
  manager: "managerId",
  sort: "sort",
  dir: "sortDir",
} as const;

/** The filtered partner directory as a CSV download. */
export const GET = csvDownload("partners", (caller, params) =>
  caller.manage.partners.exportCsv(
    filtersFromUrl(directoryFilters, params, FIELDS) as z.input<typeof directoryFilters>,
  ),
);
