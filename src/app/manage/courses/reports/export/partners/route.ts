import type { z } from "zod";
import { partnerTrainingReportExportInput } from "@/server/domains/training/reports";
import { csvDownload, filtersFromUrl } from "@/server/http/csv-export";

/** URL parameter of the reports page's partner table → field of the export's input. */
const FIELDS = { pq: "search", pcourse: "courseId", psort: "sort", pdir: "sortDir" } as const;

/** The partner report, filtered and sorted as on the page, as a CSV download. */
export const GET = csvDownload("training-partners", (caller, params) =>
  caller.manage.courses.exportPartnerReportCsv(
    filtersFromUrl(partnerTrainingReportExportInput, params, FIELDS) as z.input<
      typeof partnerTrainingReportExportInput
    >,
  ),
);
