import type { z } from "zod";
import { certificationFilters } from "@/server/domains/training/certification-admin";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the certifications page → field of the export's input. */
const FIELDS = {
  status: "status",
  course: "courseId",
  q: "search",
  sort: "sort",
  dir: "sortDir",
} as const;

/** The filtered certifications as a CSV download (the page's filters, every page). */
export const GET = csvDownload("certifications", (caller, params) =>
  caller.manage.certifications.exportCsv(
    filtersFromUrl(certificationFilters, params, FIELDS) as z.input<typeof certificationFilters>,
  ),
);
