import { verifyCertificateForVisitor, verifyCertificateInput } from "@/server/domains/training/verify";
import { publicProcedure, router } from "../../init";

/** The public verification of a certificate code: name, course, dates and status, nothing more. */
export const certificatesRouter = router({
  verify: publicProcedure
    .input(verifyCertificateInput)
    .query(({ ctx, input }) => verifyCertificateForVisitor(ctx.db, { code: input.code, ip: ctx.ip }, ctx.clock)),
});
