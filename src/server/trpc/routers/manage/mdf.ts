import {
  budgetGrid,
  budgetGridInput,
  setBudget,
  setBudgetInput,
  setClaimDeadline,
  setClaimDeadlineInput,
} from "@/server/domains/enablement/mdf-budgets";
import { approveClaim, approveClaimInput, rejectClaim, rejectClaimInput } from "@/server/domains/enablement/mdf-claims";
import {
  mdfPartnerOptions,
  mdfQueue,
  queueInput,
  requestDetailInput,
  staffRequest,
} from "@/server/domains/enablement/mdf-queries";
import {
  approveRequest,
  approveRequestInput,
  rejectInput,
  rejectRequest,
} from "@/server/domains/enablement/mdf-requests";
import { router, staffProcedure } from "../../init";

/** Those who decide on funds and set budgets. */
const deciders = () => staffProcedure("admin", "partner_manager");
/** Finance reads the queue too: approved claims become its payouts. */
const readers = () => staffProcedure("admin", "partner_manager", "finance");

/** Market development funds: budgets, and decisions on requests and claims. */
export const mdfRouter = router({
  queue: readers()
    .input(queueInput)
    .query(({ ctx, input }) => mdfQueue(ctx.service, input)),
  request: readers()
    .input(requestDetailInput)
    .query(({ ctx, input }) => staffRequest(ctx.service, input)),
  partnerOptions: readers().query(({ ctx }) => mdfPartnerOptions(ctx.service)),
  budgets: readers()
    .input(budgetGridInput)
    .query(({ ctx, input }) => budgetGrid(ctx.service, input)),
  setBudget: deciders()
    .input(setBudgetInput)
    .mutation(({ ctx, input }) => setBudget(ctx.service, input)),
  setClaimDeadline: deciders()
    .input(setClaimDeadlineInput)
    .mutation(({ ctx, input }) => setClaimDeadline(ctx.service, input)),
  approveRequest: deciders()
    .input(approveRequestInput)
    .mutation(({ ctx, input }) => approveRequest(ctx.service, input)),
  rejectRequest: deciders()
    .input(rejectInput)
    .mutation(({ ctx, input }) => rejectRequest(ctx.service, input)),
  approveClaim: deciders()
    .input(approveClaimInput)
    .mutation(({ ctx, input }) => approveClaim(ctx.service, input)),
  rejectClaim: deciders()
    .input(rejectClaimInput)
    .mutation(({ ctx, input }) => rejectClaim(ctx.service, input)),
});
