import type { z } from "zod";
import { courseReportExportInput } from "@/server/domains/training/reports";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the reports page's course table → field of the export's input. */
const FIELDS = { cq: "search", csort: "sort", cdir: "sortDir" } as const;

/** The course report, filtered and sorted as on the page, as a CSV download. */
export const GET = csvDownload("training-courses", (caller, params) =>
  caller.manage.courses.exportCourseReportCsv(
    filtersFromUrl(courseReportExportInput, params, FIELDS) as z.input<typeof courseReportExportInput>,
  ),
);
