import { partnerDashboard } from "@/server/domains/partners/queries";
import { partnerProcedure, router } from "../init";

/** The partner portal's own views; the organization always comes from the session. */
export const partnerPortalRouter = router({
  dashboard: partnerProcedure().query(({ ctx }) => partnerDashboard(ctx.db, ctx.actor)),
});
