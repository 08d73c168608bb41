import type { z } from "zod";
import { staffLeadFilters } from "@/server/domains/leads/queries";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the queue page → field of the export's input (flagged is handled on its own). */
const FIELDS = {
  q: "search",
  status: "status",
  partner: "partnerId",
  product: "productId",
  sort: "sort",
  dir: "sortDir",
} as const;

/**
 * The filtered lead queue as a CSV download. The page always sends its effective status; "all"
 * (or none) means every status.
 */
export const GET = csvDownload("leads", (caller, params) => {
  const filters = filtersFromUrl(staffLeadFilters, params, FIELDS, {
    ignore: (name, raw) => name === "status" && raw === "all",
  });
  const flagged = params.get("flagged");
  if (flagged === "yes") filters.flagged = true;
  else if (flagged === "no") filters.flagged = false;
  return caller.manage.leads.exportCsv(filters as z.input<typeof staffLeadFilters>);
});
