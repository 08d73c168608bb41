import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { addCommentInput, addLeadComment } from "@/server/domains/leads/comments";
import { importLeads, importLeadsInput } from "@/server/domains/leads/import";
import { productOptions } from "@/server/domains/catalog/products";
import { listMyLeads, listMyLeadsInput, myLeadDetail } from "@/server/domains/leads/queries";
import {
  registerLead,
  registerLeadInput,
  updateLead,
  updateLeadInput,
  withdrawLead,
  withdrawLeadInput,
} from "@/server/domains/leads/register";
import { leadInputAt } from "@/server/domains/leads/fields";
import { getProgramSettings } from "@/server/domains/program/service";
import type { Clock } from "@/lib/clock";
import { partnerProcedure, router } from "../../init";
import { explainRefusal } from "../../errors";

/**
 * A lead procedure that checks the whole lead before its static input schema does: that schema
 * cannot see the clock, so it would refuse a bad email before anyone looked at a past close date.
 * Here the clock-aware schema reports every field's problem in one answer; what it accepts, the
 * static schema accepts too.
 */
function leadProcedure(schemaOf: (clock: Clock) => z.ZodType) {
  return partnerProcedure().use(async ({ ctx, getRawInput, next }) => {
    const parsed = schemaOf(ctx.clock).safeParse(await getRawInput());
    if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    return next();
  });
}

/** Deal registration, partner side: always the caller's own organization's leads. */
export const leadsRouter = router({
  list: partnerProcedure()
    .input(listMyLeadsInput)
    .query(({ ctx, input }) => listMyLeads(ctx.service, input)),
  get: partnerProcedure()
    .input(z.object({ leadId: z.uuid() }))
    .query(({ ctx, input }) => myLeadDetail(ctx.service, input.leadId)),
  /** What the registration form offers: the catalog and the program's currency. */
  formOptions: partnerProcedure().query(async ({ ctx }) => {
    const [products, settings] = await Promise.all([
      productOptions(ctx.db, { includeArchived: false, locale: ctx.locale }),
      getProgramSettings(ctx.db),
    ]);
    return {
      products: products.map(({ id, name, description, nameLang }) => ({ id, name, description, nameLang })),
      currency: settings.currency,
      dailyLimit: settings.leadDailyLimit,
    };
  }),
  register: leadProcedure((clock) => leadInputAt(clock))
    .input(registerLeadInput)
    .mutation(({ ctx, input }) =>
      registerLead(ctx.service, input).then((lead) => ({ id: lead.id, flagged: lead.flagged })),
    ),
  update: leadProcedure((clock) => leadInputAt(clock, { leadId: z.uuid() }))
    .input(updateLeadInput)
    .mutation(({ ctx, input }) => updateLead(ctx.service, input).then((lead) => ({ id: lead.id }))),
  withdraw: partnerProcedure()
    .input(withdrawLeadInput)
    .mutation(({ ctx, input }) => withdrawLead(ctx.service, input)),
  comment: partnerProcedure()
    .input(addCommentInput)
    .mutation(({ ctx, input }) => addLeadComment(ctx.service, input).then((c) => ({ id: c.id }))),
  import: partnerProcedure()
    .input(importLeadsInput)
    .mutation(async ({ ctx, input }) => {
      const rows = await importLeads(ctx.service, input);
      return rows.map((r) =>
        r.outcome === "refused"
          ? { row: r.row, company: r.company, outcome: r.outcome, ...explainRefusal(r.error, ctx.locale) }
          : r,
      );
    }),
});
