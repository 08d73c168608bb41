import { startStripeOnboarding, stripeDashboardLink, stripeOnboardingUrls } from "@/server/domains/payouts/onboarding";
import { payoutDetail, payoutDetailInput } from "@/server/domains/payouts/run-queries";
import {
  bankDetailsInput,
  choosePayoutMethod,
  getPayoutSettings,
  payoutMethodInput,
  saveBankDetails,
  saveTaxDetails,
  taxDetailsInput,
} from "@/server/domains/payouts/settings";
import { listPayouts, listPayoutsInput } from "@/server/domains/payouts/statements";
import { taxFormFromInput, uploadTaxForm, uploadTaxFormInput } from "@/server/domains/payouts/tax-form";
import { partnerProcedure, router } from "../../init";

/**
 * The caller's own payout settings and payouts: the organization is the session's. Everyone in
 * the partner reads; only owners change where the money goes (declared here, checked again by
 * the services).
 */
export const payoutsRouter = router({
  settings: partnerProcedure().query(({ ctx }) => getPayoutSettings(ctx.service)),
  chooseMethod: partnerProcedure("owner")
    .input(payoutMethodInput)
    .mutation(({ ctx, input }) => choosePayoutMethod(ctx.service, input)),
  saveBank: partnerProcedure("owner")
    .input(bankDetailsInput)
    .mutation(({ ctx, input }) => saveBankDetails(ctx.service, input)),
  saveTax: partnerProcedure("owner")
    .input(taxDetailsInput)
    .mutation(({ ctx, input }) => saveTaxDetails(ctx.service, input)),
  /** The signed tax form, in base64 as the logo travels; read back through GET /api/payouts/tax-form. */
  uploadTaxForm: partnerProcedure("owner")
    .input(uploadTaxFormInput)
    .mutation(({ ctx, input }) => uploadTaxForm(ctx.service, taxFormFromInput(input))),
  /**
   * A fresh Stripe account link (each is single-use and expires within minutes). Its return and
   * refresh URLs are our route handlers at APP_URL, never taken from input.
   */
  startOnboarding: partnerProcedure("owner").mutation(({ ctx }) =>
    startStripeOnboarding(ctx.service, stripeOnboardingUrls()),
  ),
  /** A one-time login link into the partner's Express dashboard. */
  dashboardLink: partnerProcedure("owner").mutation(({ ctx }) => stripeDashboardLink(ctx.service)),
  list: partnerProcedure()
    .input(listPayoutsInput)
    .query(({ ctx, input }) => listPayouts(ctx.service, input)),
  /** One payout with a page of the commissions it pays. */
  statement: partnerProcedure()
    .input(payoutDetailInput)
    .query(({ ctx, input }) => payoutDetail(ctx.service, input)),
});
