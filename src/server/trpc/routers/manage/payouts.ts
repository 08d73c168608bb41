import { z } from "zod";
import { toCsv } from "@/lib/csv";
import { BANK_FILE_COLUMNS, bankCsv } from "@/server/domains/payouts/bank-file";
import { previewRun, previewRunInput } from "@/server/domains/payouts/preview";
import {
  listRunDiscrepancies,
  listRunDiscrepanciesInput,
  listRunExclusions,
  listRunExclusionsInput,
  listRunPayouts,
  listRunPayoutsInput,
  listRuns,
  listRunsInput,
  previewFunding,
  runDetail,
} from "@/server/domains/payouts/run-queries";
import {
  approveRun,
  cancelRun,
  createRun,
  createRunInput,
  resumeHaltedRun,
  runIdInput,
} from "@/server/domains/payouts/runs";
import { partnerPayoutAccount } from "@/server/domains/payouts/settings";
import { manualPaymentInput, markPaidManually, payoutIdInput, retryFailed } from "@/server/domains/payouts/transitions";
import { requestPayoutExecution } from "@/server/jobs/runtime";
import { router, staffProcedure } from "../../init";
import { csvHeaders } from "../../csv-headers";

/** Who runs payouts: finance (admins always, as staffProcedure adds them). */
const finance = () => staffProcedure("finance");

/**
 * Payout runs, staff side: finance previews, creates, approves (never their own run: the
 * service refuses the creator) and follows execution; the executor is a job, woken here after
 * an approval or a retry so it need not wait for its next poll.
 */
export const payoutsRouter = router({
  /** Who a run with this cut-off would pay and leave out, with the platform balance beside what it needs. */
  preview: finance()
    .input(previewRunInput)
    .query(async ({ ctx, input }) => {
      const [preview, funding] = await Promise.all([
        previewRun(ctx.service, input),
        previewFunding(ctx.service, { cutoff: input.cutoff }),
      ]);
      return { ...preview, funding };
    }),
  create: finance()
    .input(createRunInput)
    .mutation(({ ctx, input }) => createRun(ctx.service, input).then((run) => ({ id: run.id }))),
  approve: finance()
    .input(runIdInput)
    .mutation(async ({ ctx, input }) => {
      const run = await approveRun(ctx.service, input);
      // The approval has committed; a run with nothing to pay is already completed.
      if (run.status === "approved" || run.status === "executing") await requestPayoutExecution();
      return { id: run.id, status: run.status };
    }),
  /** Once the platform balance is topped up: clear the stop, and the executor checks the balance afresh. */
  resume: finance()
    .input(runIdInput)
    .mutation(async ({ ctx, input }) => {
      const run = await resumeHaltedRun(ctx.service, input);
      await requestPayoutExecution();
      return { id: run.id, status: run.status };
    }),
  cancel: finance()
    .input(runIdInput)
    .mutation(({ ctx, input }) => cancelRun(ctx.service, input).then((run) => ({ id: run.id, status: run.status }))),
  runs: finance()
    .input(listRunsInput)
    .query(({ ctx, input }) => listRuns(ctx.service, input)),
  /** The run page, and what its progress bar polls while the run executes. */
  get: finance()
    .input(runIdInput)
    .query(({ ctx, input }) => runDetail(ctx.service, input.runId)),
  payouts: finance()
    .input(listRunPayoutsInput)
    .query(({ ctx, input }) => listRunPayouts(ctx.service, input)),
  exclusions: finance()
    .input(listRunExclusionsInput)
    .query(({ ctx, input }) => listRunExclusions(ctx.service, input)),
  discrepancies: finance()
    .input(listRunDiscrepanciesInput)
    .query(({ ctx, input }) => listRunDiscrepancies(ctx.service, input)),
  retry: finance()
    .input(payoutIdInput)
    .mutation(async ({ ctx, input }) => {
      const payout = await retryFailed(ctx.service, input.payoutId);
      await requestPayoutExecution();
      return { id: payout.id, state: payout.state };
    }),
  /** A payment made outside Stripe (from the bank file), recorded with the bank's reference. */
  markPaid: finance()
    .input(manualPaymentInput)
    .mutation(({ ctx, input }) =>
      markPaidManually(ctx.service, input).then((payout) => ({ id: payout.id, state: payout.state })),
    ),
  /** A partner's payout settings as finance sees them (masked, as everywhere but the bank file). */
  partnerAccount: finance()
    .input(z.object({ partnerId: z.uuid() }))
    .query(({ ctx, input }) => partnerPayoutAccount(ctx.service, input.partnerId)),
  /** The run's bank transfers as CSV, headed in the caller's language (audited by the service). */
  bankFile: finance()
    .input(runIdInput)
    .query(async ({ ctx, input }) => {
      const file = await bankCsv(ctx.service, input.runId);
      return toCsv(csvHeaders(ctx.locale, "payoutsAdmin.columns", BANK_FILE_COLUMNS), file.rows);
    }),
});
