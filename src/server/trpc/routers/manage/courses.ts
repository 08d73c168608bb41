import {
  createCourse,
  createCourseInput,
  discardDraft,
  discardDraftInput,
  publishCourse,
  publishCourseInput,
  restoreCourse,
  restoreCourseInput,
  retireCourse,
  retireCourseInput,
  saveDraft,
  saveDraftInput,
} from "@/server/domains/training/authoring";
import {
  courseForEditing,
  courseForEditingInput,
  listCourses,
  listCoursesInput,
} from "@/server/domains/training/authoring-queries";
import { uploadCourseImage, uploadCourseImageInput } from "@/server/domains/training/images";
import {
  courseReport,
  courseReportExportInput,
  courseReportInput,
  partnerTrainingReport,
  partnerTrainingReportExportInput,
  partnerTrainingReportInput,
} from "@/server/domains/training/reports";
import {
  courseReportCsv,
  partnerTrainingReportCsv,
  REPORT_FIGURE_COLUMNS,
} from "@/server/domains/training/reports-csv";
import { csvHeaders } from "../../csv-headers";
import { router, staffProcedure } from "../../init";

/** Those who write and run courses. */
const authors = () => staffProcedure("admin", "partner_manager");
/** The reports only read: finance may see them too. */
const readers = () => staffProcedure("admin", "partner_manager", "finance");

export const coursesRouter = router({
  list: authors()
    .input(listCoursesInput)
    .query(({ ctx, input }) => listCourses(ctx.service, input)),
  forEditing: authors()
    .input(courseForEditingInput)
    .query(({ ctx, input }) => courseForEditing(ctx.service, input)),
  create: authors()
    .input(createCourseInput)
    .mutation(({ ctx, input }) => createCourse(ctx.service, input)),
  saveDraft: authors()
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.service, input)),
  publish: authors()
    .input(publishCourseInput)
    .mutation(({ ctx, input }) => publishCourse(ctx.service, input)),
  discardDraft: authors()
    .input(discardDraftInput)
    .mutation(({ ctx, input }) => discardDraft(ctx.service, input)),
  retire: authors()
    .input(retireCourseInput)
    .mutation(({ ctx, input }) => retireCourse(ctx.service, input)),
  restore: authors()
    .input(restoreCourseInput)
    .mutation(({ ctx, input }) => restoreCourse(ctx.service, input)),
  uploadImage: staffProcedure("admin", "partner_manager")
    .input(uploadCourseImageInput)
    .mutation(({ ctx, input }) => uploadCourseImage(ctx.service, input)),
  courseReport: readers()
    .input(courseReportInput)
    .query(({ ctx, input }) => courseReport(ctx.service, input)),
  partnerReport: readers()
    .input(partnerTrainingReportInput)
    .query(({ ctx, input }) => partnerTrainingReport(ctx.service, input)),
  exportCourseReportCsv: readers()
    .input(courseReportExportInput)
    .query(({ ctx, input }) =>
      courseReportCsv(
        ctx.service,
        input,
        csvHeaders(ctx.locale, "coursesAdmin.columns", ["course", "language", ...REPORT_FIGURE_COLUMNS]),
      ),
    ),
  exportPartnerReportCsv: readers()
    .input(partnerTrainingReportExportInput)
    .query(({ ctx, input }) =>
      partnerTrainingReportCsv(
        ctx.service,
        input,
        csvHeaders(ctx.locale, "coursesAdmin.columns", ["partner", ...REPORT_FIGURE_COLUMNS]),
      ),
    ),
});
