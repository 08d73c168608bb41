import { createTranslator } from "use-intl/core";
import { messagesByLocale } from "@/i18n/config";
import { activeCampaignsFor, balancesOf, earningsByMonth, exportLedgerCsv, ledgerFilters, ledgerListInput, listLedger, pipelineOf, tierProgress } from "@/server/domains/commissions/queries";
import { partnerProcedure, router } from "../init";

/** The caller's own earnings: every query is pinned to the organization in the session. */
export const earningsRouter = router({
  summary: partnerProcedure().query(async ({ ctx }) => {
    const partnerId = ctx.actor.partnerId;
    const [balances, monthly, pipeline, tier, campaigns] = await Promise.all([
      balancesOf(ctx.db, partnerId),
      earningsByMonth(ctx.db, partnerId, ctx.clock),
      pipelineOf(ctx.db, partnerId),
      tierProgress(ctx.db, partnerId, ctx.clock),
      activeCampaignsFor(ctx.db, partnerId, ctx.clock),
    ]);
    return { balances, monthly, pipeline, tier, campaigns: campaigns.map(({ createdBy: _by, tierIds: _tiers, ...c }) => c) };
  }),
  ledger: partnerProcedure()
    .input(ledgerListInput)
    .query(({ ctx, input }) => listLedger(ctx.db, { ...input, partnerId: ctx.actor.partnerId })),
  exportCsv: partnerProcedure()
    .input(ledgerFilters)
    .query(({ ctx, input }) => {
      const t = createTranslator({ locale: ctx.locale, messages: messagesByLocale[ctx.locale], namespace: "ledger.columns" });
      const headers = [t("date"), t("source"), t("state"), t("reference"), t("rate"), t("base"), t("amount"), t("currency"), t("availableAt")];
      return exportLedgerCsv(ctx.db, { ...input, partnerId: ctx.actor.partnerId }, headers, false);
    }),
});
