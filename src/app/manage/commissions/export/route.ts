import type { z } from "zod";
import { ledgerFilters } from "@/server/domains/commissions/queries";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the ledger page → field of the export's input. */
const FIELDS = {
  partner: "partnerId",
  state: "state",
  source: "source",
  currency: "asset",
  from: "from",
  to: "to",
  dir: "sortDir",
} as const;

/** The filtered ledger across partners as a CSV download. */
export const GET = csvDownload("commissions", (caller, params) =>
  caller.manage.commissions.exportCsv(filtersFromUrl(ledgerFilters, params, FIELDS) as z.input<typeof ledgerFilters>),
);
