import {
  activeCampaignsFor,
  balancesByFigure,
  balancesOf,
  earningsByMonth,
  exportLedgerCsv,
  ledgerCsvColumns,
  ledgerFilters,
  ledgerListInput,
  listLedger,
  pipelineByStatus,
  pipelineOf,
  tierProgress,
} from "@/server/domains/commissions/queries";
import { tierPromise, tierStanding } from "@/server/domains/commissions/tiers";
import { partnerProcedure, router } from "../../init";
import { csvHeaders } from "../../csv-headers";

/** The caller's own earnings: every query is pinned to the organization in the session. */
/** Active campaigns as partners see them: without who made them or which tiers they target. */
const partnerFacing = (campaigns: Awaited<ReturnType<typeof activeCampaignsFor>>) =>
  campaigns.map(({ createdBy: _by, tierIds: _tiers, ...c }) => c);

export const commissionsRouter = router({
  /** The dashboard: balances, earnings by month, pipeline, tier progress and campaigns. */
  summary: partnerProcedure().query(async ({ ctx }) => {
    const partnerId = ctx.actor.partnerId;
    // The tier card and the promise share one read of the partner's standing.
    const standing = tierStanding(ctx.service, partnerId);
    const [balances, monthly, pipeline, tier, promise, campaigns] = await Promise.all([
      balancesOf(ctx.db, partnerId),
      earningsByMonth(ctx.service, partnerId),
      pipelineOf(ctx.db, partnerId),
      standing.then((read) => tierProgress(ctx.service, partnerId, read)),
      standing.then((read) => tierPromise(ctx.service, partnerId, read)),
      activeCampaignsFor(ctx.service, partnerId),
    ]);
    return {
      balances,
      byFigure: balancesByFigure(balances),
      monthly,
      pipeline,
      pipelineByStatus: pipelineByStatus(pipeline),
      tier,
      promise,
      campaigns: partnerFacing(campaigns),
    };
  }),
  /** The earnings page: balances and campaigns only (the dashboard's pipeline and tier work is not needed there). */
  overview: partnerProcedure().query(async ({ ctx }) => {
    const [balances, campaigns] = await Promise.all([
      balancesOf(ctx.db, ctx.actor.partnerId),
      activeCampaignsFor(ctx.service, ctx.actor.partnerId),
    ]);
    return { balances, byFigure: balancesByFigure(balances), campaigns: partnerFacing(campaigns) };
  }),
  ledger: partnerProcedure()
    .input(ledgerListInput)
    .query(({ ctx, input }) => listLedger(ctx.db, { ...input, partnerId: ctx.actor.partnerId })),
  exportCsv: partnerProcedure()
    .input(ledgerFilters)
    .query(({ ctx, input }) =>
      exportLedgerCsv(
        ctx.db,
        { ...input, partnerId: ctx.actor.partnerId },
        csvHeaders(ctx.locale, "ledger.columns", ledgerCsvColumns(false)),
        false,
      ),
    ),
});
