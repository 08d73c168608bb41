import { z } from "zod";
import {
  decideAdjustment,
  decideAdjustmentInput,
  proposeAdjustment,
  proposeAdjustmentInput,
} from "@/server/domains/commissions/adjustments";
import {
  archiveCampaign,
  archiveCampaignInput,
  assignPlan,
  assignPlanInput,
  createCampaign,
  createCampaignInput,
  createPlan,
  createPlanInput,
  endOverrideInput,
  endTierOverride,
  listCampaigns,
  listPlans,
  publishPlanVersion,
  publishVersionInput,
  setOverrideInput,
  setTierOverride,
} from "@/server/domains/commissions/admin";
import {
  activeCampaignsFor,
  balancesOf,
  exportLedgerCsv,
  ledgerCsvColumns,
  ledgerFilters,
  ledgerListInput,
  liabilitySummary,
  listAdjustments,
  listAdjustmentsInput,
  listLedger,
  tierProgress,
} from "@/server/domains/commissions/queries";
import { currentPlanFor } from "@/server/domains/commissions/plans";
import { router, staffProcedure } from "../../init";
import { csvHeaders } from "../../csv-headers";

/** Commissions, staff side: the ledger across partners, adjustments, plans, campaigns and tiers. */
export const commissionsRouter = router({
  ledger: staffProcedure("partner_manager", "finance")
    .input(ledgerListInput)
    .query(({ ctx, input }) => listLedger(ctx.db, input)),
  exportCsv: staffProcedure("partner_manager", "finance")
    .input(ledgerFilters)
    .query(({ ctx, input }) =>
      exportLedgerCsv(ctx.db, input, csvHeaders(ctx.locale, "ledger.columns", ledgerCsvColumns(true)), true),
    ),
  liability: staffProcedure("partner_manager", "finance").query(({ ctx }) => liabilitySummary(ctx.db)),
  partnerSummary: staffProcedure("partner_manager", "finance")
    .input(z.object({ partnerId: z.uuid() }))
    .query(async ({ ctx, input }) => ({
      balances: await balancesOf(ctx.db, input.partnerId),
      tier: await tierProgress(ctx.service, input.partnerId),
      // The plan in effect: the partner's own, or the program's default.
      planId: (await currentPlanFor(ctx.db, input.partnerId))?.version.planId ?? null,
    })),
  adjustments: staffProcedure("partner_manager", "finance")
    .input(listAdjustmentsInput)
    .query(({ ctx, input }) => listAdjustments(ctx.db, input)),
  proposeAdjustment: staffProcedure("partner_manager")
    .input(proposeAdjustmentInput)
    .mutation(({ ctx, input }) => proposeAdjustment(ctx.service, input).then((a) => ({ id: a.id }))),
  decideAdjustment: staffProcedure("finance")
    .input(decideAdjustmentInput)
    .mutation(({ ctx, input }) => decideAdjustment(ctx.service, input)),
  plans: staffProcedure("partner_manager", "finance").query(({ ctx }) => listPlans(ctx.db)),
  createPlan: staffProcedure("partner_manager")
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.service, input).then((p) => ({ id: p.id }))),
  publishVersion: staffProcedure("partner_manager")
    .input(publishVersionInput)
    .mutation(({ ctx, input }) =>
      publishPlanVersion(ctx.service, input).then((v) => ({ id: v.id, version: v.version })),
    ),
  assignPlan: staffProcedure("partner_manager")
    .input(assignPlanInput)
    .mutation(({ ctx, input }) => assignPlan(ctx.service, input)),
  campaigns: staffProcedure("partner_manager", "finance").query(async ({ ctx }) => ({
    all: await listCampaigns(ctx.db),
    active: await activeCampaignsFor(ctx.service, null),
  })),
  createCampaign: staffProcedure("partner_manager")
    .input(createCampaignInput)
    .mutation(({ ctx, input }) => createCampaign(ctx.service, input).then((c) => ({ id: c.id }))),
  archiveCampaign: staffProcedure("partner_manager")
    .input(archiveCampaignInput)
    .mutation(({ ctx, input }) => archiveCampaign(ctx.service, input)),
  setTierOverride: staffProcedure("partner_manager")
    .input(setOverrideInput)
    .mutation(({ ctx, input }) => setTierOverride(ctx.service, input).then(() => ({ ok: true as const }))),
  endTierOverride: staffProcedure("partner_manager")
    .input(endOverrideInput)
    .mutation(({ ctx, input }) => endTierOverride(ctx.service, input)),
});
