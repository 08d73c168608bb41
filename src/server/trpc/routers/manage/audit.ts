import { auditFilterOptions, listAudit, listAuditInput } from "@/server/domains/audit/queries";
import { router, staffProcedure } from "../../init";

export const auditRouter = router({
  list: staffProcedure("admin")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  filterOptions: staffProcedure("admin").query(({ ctx }) => auditFilterOptions(ctx.db)),
});
