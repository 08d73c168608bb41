import type { z } from "zod";
import { ledgerFilters } from "@/server/domains/commissions/queries";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the earnings page → field of the export's input (the partner comes from the session). */
const FIELDS = { state: "state", source: "source", currency: "asset", from: "from", to: "to", dir: "sortDir" } as const;

/** The partner's own filtered ledger as a CSV download. */
export const GET = csvDownload("earnings", (caller, params) =>
  caller.partner.commissions.exportCsv(filtersFromUrl(ledgerFilters, params, FIELDS) as z.input<typeof ledgerFilters>),
);
