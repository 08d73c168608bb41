import { router } from "./init";
import { accountRouter } from "./routers/account";
import { benchRouter } from "./routers/bench";
import { manageRouter } from "./routers/manage";
import { partnerRouter } from "./routers/partner";
import { publicRouter } from "./routers/public";

/** The API by audience: anyone, any signed-in user, the partner portal, the vendor's staff. */
export const appRouter = router({
  public: publicRouter,
  account: accountRouter,
  partner: partnerRouter,
  manage: manageRouter,
  bench: benchRouter,
});

export type AppRouter = typeof appRouter;
