import { z } from "zod";
import { createTranslator } from "use-intl/core";
import { messagesByLocale } from "@/i18n/config";
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
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { router, staffProcedure } from "../init";
import { explainRefusal } from "../errors";

const afterEmail = <T>(result: T) => nudge(QUEUES.emailOutbox.name).then(() => result);

/** Deal registration, staff side: the review queue and every decision on a lead. */
export const leadReviewRouter = router({
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
      products: (await productOptions(ctx.db, { includeArchived: true })).map(({ id, name, active }) => ({
        id,
        name,
        active,
      })),
    })),
  partnerSearch: staffProcedure("partner_manager", "finance")
    .input(partnerSearchInput)
    .query(({ ctx, input }) => searchPartnerOptions(ctx.db, input)),
  exportCsv: staffProcedure("partner_manager", "finance")
    .input(staffLeadFilters)
    .query(({ ctx, input }) => {
      const t = createTranslator({
        locale: ctx.locale,
        messages: messagesByLocale[ctx.locale],
        namespace: "leads.columns",
      });
      const headers = [
        t("company"),
        t("domain"),
        t("partner"),
        t("contact"),
        t("email"),
        t("country"),
        t("product"),
        t("estimatedValue"),
        t("currency"),
        t("expectedClose"),
        t("status"),
        t("flagged"),
        t("dealAmount"),
        t("dealCurrency"),
        t("closedOn"),
        t("registered"),
      ];
      return exportLeadsCsv(ctx.db, input, headers);
    }),
  approve: staffProcedure("partner_manager")
    .input(approveLeadInput)
    .mutation(({ ctx, input }) => approveLead(ctx.service, input).then(afterEmail)),
  reject: staffProcedure("partner_manager")
    .input(rejectLeadInput)
    .mutation(({ ctx, input }) => rejectLead(ctx.service, input).then(afterEmail)),
  requestInfo: staffProcedure("partner_manager")
    .input(requestInfoInput)
    .mutation(({ ctx, input }) => requestLeadInfo(ctx.service, input).then(afterEmail)),
  reassign: staffProcedure("partner_manager")
    .input(reassignLeadInput)
    .mutation(({ ctx, input }) => reassignLead(ctx.service, input).then(afterEmail)),
  markWon: staffProcedure("partner_manager")
    .input(markWonInput)
    .mutation(({ ctx, input }) => markLeadWon(ctx.service, input).then(afterEmail)),
  markLost: staffProcedure("partner_manager")
    .input(markLostInput)
    .mutation(({ ctx, input }) => markLeadLost(ctx.service, input).then(afterEmail)),
  correctDeal: staffProcedure("partner_manager")
    .input(correctDealInput)
    .mutation(({ ctx, input }) => correctLeadDeal(ctx.service, input).then(afterEmail)),
  comment: staffProcedure("partner_manager")
    .input(addCommentInput)
    .mutation(({ ctx, input }) => addLeadComment(ctx.service, input).then((c) => afterEmail({ id: c.id }))),
  bulk: staffProcedure("partner_manager")
    .input(bulkReviewInput)
    .mutation(async ({ ctx, input }) => {
      const result = await bulkReviewLeads(ctx.service, input);
      await nudge(QUEUES.emailOutbox.name);
      return {
        done: result.done,
        refused: result.refused.map((r) => ({
          leadId: r.leadId,
          message: explainRefusal(r.error, ctx.locale).message,
        })),
      };
    }),
});
