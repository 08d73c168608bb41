import { z } from "zod";
import { addCommentInput, addLeadComment } from "@/server/domains/leads/comments";
import { productOptions } from "@/server/domains/catalog/products";
import {
  exportLeadsCsv,
  leadCounts,
  leadDetail,
  listLeads,
  listLeadsInput,
  staffLeadFilters,
} from "@/server/domains/leads/queries";
import {
  partnerOption,
  partnerSearchInput,
  searchPartnerOptions,
  approveLead,
  approveLeadInput,
  bulkReviewInput,
  bulkReviewLeads,
  correctDealInput,
  correctLeadDeal,
  markLeadLost,
  markLeadWon,
  markLostInput,
  markWonInput,
  reassignLead,
  reassignLeadInput,
  rejectLead,
  rejectLeadInput,
  requestInfoInput,
  requestLeadInfo,
} from "@/server/domains/leads/review";
import { router, staffProcedure } from "../../init";
import { csvHeaders } from "../../csv-headers";
import { explainRefusal } from "../../errors";

/** Deal registration, staff side: the review queue and every decision on a lead. */
export const leadsRouter = router({
  list: staffProcedure("partner_manager", "finance")
    .input(listLeadsInput)
    .query(({ ctx, input }) => listLeads(ctx.db, input)),
  counts: staffProcedure("partner_manager", "finance").query(({ ctx }) => leadCounts(ctx.db)),
  get: staffProcedure("partner_manager", "finance")
    .input(z.object({ leadId: z.uuid() }))
    .query(({ ctx, input }) => leadDetail(ctx.db, input.leadId)),
  /** What the staff filters and pickers start from: the products, and the chosen partner's name (partners are searched, never listed). */
  options: staffProcedure("partner_manager", "finance")
    .input(z.object({ partnerId: z.uuid().optional() }).default({}))
    .query(async ({ ctx, input }) => ({
      partner: input.partnerId ? await partnerOption(ctx.db, input.partnerId) : null,
      products: (await productOptions(ctx.db, { includeArchived: true, locale: ctx.locale })).map(
        ({ id, name, active }) => ({
          id,
          name,
          active,
        }),
      ),
    })),
  partnerSearch: staffProcedure("partner_manager", "finance")
    .input(partnerSearchInput)
    .query(({ ctx, input }) => searchPartnerOptions(ctx.db, input)),
  exportCsv: staffProcedure("partner_manager", "finance")
    .input(staffLeadFilters)
    .query(({ ctx, input }) => {
      const headers = csvHeaders(ctx.locale, "leads.columns", [
        "company",
        "domain",
        "partner",
        "contact",
        "email",
        "country",
        "product",
        "estimatedValue",
        "currency",
        "expectedClose",
        "status",
        "flagged",
        "dealAmount",
        "dealCurrency",
        "closedOn",
        "registered",
      ]);
      return exportLeadsCsv(ctx.db, input, headers);
    }),
  approve: staffProcedure("partner_manager")
    .input(approveLeadInput)
    .mutation(({ ctx, input }) => approveLead(ctx.service, input)),
  reject: staffProcedure("partner_manager")
    .input(rejectLeadInput)
    .mutation(({ ctx, input }) => rejectLead(ctx.service, input)),
  requestInfo: staffProcedure("partner_manager")
    .input(requestInfoInput)
    .mutation(({ ctx, input }) => requestLeadInfo(ctx.service, input)),
  reassign: staffProcedure("partner_manager")
    .input(reassignLeadInput)
    .mutation(({ ctx, input }) => reassignLead(ctx.service, input)),
  markWon: staffProcedure("partner_manager")
    .input(markWonInput)
    .mutation(({ ctx, input }) => markLeadWon(ctx.service, input)),
  markLost: staffProcedure("partner_manager")
    .input(markLostInput)
    .mutation(({ ctx, input }) => markLeadLost(ctx.service, input)),
  correctDeal: staffProcedure("partner_manager")
    .input(correctDealInput)
    .mutation(({ ctx, input }) => correctLeadDeal(ctx.service, input)),
  comment: staffProcedure("partner_manager")
    .input(addCommentInput)
    .mutation(({ ctx, input }) => addLeadComment(ctx.service, input).then((c) => ({ id: c.id }))),
  bulk: staffProcedure("partner_manager")
    .input(bulkReviewInput)
    .mutation(async ({ ctx, input }) => {
      const result = await bulkReviewLeads(ctx.service, input);
      return {
        done: result.done,
        refused: result.refused.map((r) => ({
          leadId: r.leadId,
          message: explainRefusal(r.error, ctx.locale).message,
        })),
      };
    }),
});
