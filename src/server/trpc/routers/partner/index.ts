import { partnerDashboard } from "@/server/domains/partners/queries";
import { partnerProcedure, router } from "../../init";
import { commissionsRouter } from "./commissions";
import { leadsRouter } from "./leads";
import { payoutsRouter } from "./payouts";
import { profileRouter } from "./profile";
import { teamRouter } from "./team";
import { trainingRouter } from "./training";
import { assetsRouter } from "./assets";
import { cobrandRouter } from "./cobrand";
import { mdfRouter } from "./mdf";

/**
 * The partner portal. Every procedure here is a partner procedure: the organization is the
 * caller's own, from the session, never from input. Concepts share their names with `manage`.
 */
export const partnerRouter = router({
  dashboard: partnerProcedure().query(({ ctx }) => partnerDashboard(ctx.service)),
  profile: profileRouter,
  team: teamRouter,
  leads: leadsRouter,
  commissions: commissionsRouter,
  payouts: payoutsRouter,
  training: trainingRouter,
  assets: assetsRouter,
  cobrand: cobrandRouter,
  mdf: mdfRouter,
});
