import { createTranslator } from "use-intl/core";
import { messagesByLocale } from "@/i18n/config";
import {
  CERTIFICATION_CSV_COLUMNS,
  certificationFilters,
  exportCertificationsCsv,
  listCertifications,
  listCertificationsInput,
  requirableCourses,
} from "@/server/domains/training/certification-admin";
import { revokeCertification, revokeCertificationInput } from "@/server/domains/training/revoke";
import { router, staffProcedure } from "../../init";
import { csvHeaders } from "../../csv-headers";

/** Who manages certifications: partner managers (admins always, as staffProcedure adds them). */
const managers = () => staffProcedure("admin", "partner_manager");

/** Certifications, staff side: who holds what and until when, and taking one back. */
export const certificationsRouter = router({
  list: managers()
    .input(listCertificationsInput)
    .query(({ ctx, input }) => listCertifications(ctx.service, input)),
  /** The filtered list as CSV, headers and statuses in the caller's language. */
  exportCsv: managers()
    .input(certificationFilters)
    .query(({ ctx, input }) => {
      const t = createTranslator({
        locale: ctx.locale,
        messages: messagesByLocale[ctx.locale],
        namespace: "certificationsAdmin.status",
      });
      return exportCertificationsCsv(
        ctx.service,
        input,
        csvHeaders(ctx.locale, "certificationsAdmin.columns", CERTIFICATION_CSV_COLUMNS),
        (status) => t(status),
      );
    }),
  /** Courses a tier rule may require, for the plan editor. */
  requirableCourses: managers().query(({ ctx }) => requirableCourses(ctx.service)),
  revoke: managers()
    .input(revokeCertificationInput)
    .mutation(({ ctx, input }) => revokeCertification(ctx.service, input)),
});
