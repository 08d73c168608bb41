import { TRPCError } from "@trpc/server";
import { benchEndpointsEnabled, insertBareLead } from "@/server/bench/baseline";
import { registerLeadInput } from "@/server/domains/leads/register";
import { partnerProcedure, router } from "../init";

/** Baselines for `npm run bench`; they do not exist (NOT_FOUND) unless BENCH_ENDPOINTS=true. */
export const benchRouter = router({
  insertLead: partnerProcedure()
    .input(registerLeadInput)
    .mutation(({ ctx, input }) => {
      if (!benchEndpointsEnabled()) throw new TRPCError({ code: "NOT_FOUND" });
      return insertBareLead(ctx.service, input);
    }),
});
