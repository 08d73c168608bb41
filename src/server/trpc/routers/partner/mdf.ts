import {
  myBudget,
  myBudgetInput,
  myLeadOptions,
  myLeadOptionsInput,
  myRequest,
  myRequests,
  myRequestsInput,
  requestDetailInput,
} from "@/server/domains/enablement/mdf-queries";
import {
  cancelRequest,
  createRequest,
  createRequestInput,
  requestIdInput,
} from "@/server/domains/enablement/mdf-requests";
import { submitClaim, submitClaimInput } from "@/server/domains/enablement/mdf-claims";
import { partnerProcedure, router } from "../../init";

/**
 * Market development funds: the partner's budget, requests and claims. Owners and members alike
 * ask and claim; the organization always comes from the session, and a suspended partner reads
 * but creates nothing (partnerProcedure refuses its mutations).
 */
export const mdfRouter = router({
  budget: partnerProcedure()
    .input(myBudgetInput)
    .query(({ ctx, input }) => myBudget(ctx.service, input)),
  requests: partnerProcedure()
    .input(myRequestsInput)
    .query(({ ctx, input }) => myRequests(ctx.service, input)),
  request: partnerProcedure()
    .input(requestDetailInput)
    .query(({ ctx, input }) => myRequest(ctx.service, input)),
  leadOptions: partnerProcedure()
    .input(myLeadOptionsInput)
    .query(({ ctx, input }) => myLeadOptions(ctx.service, input)),
  createRequest: partnerProcedure()
    .input(createRequestInput)
    .mutation(({ ctx, input }) => createRequest(ctx.service, input)),
  cancelRequest: partnerProcedure()
    .input(requestIdInput)
    .mutation(({ ctx, input }) => cancelRequest(ctx.service, input)),
  submitClaim: partnerProcedure()
    .input(submitClaimInput)
    .mutation(({ ctx, input }) => submitClaim(ctx.service, input)),
});
