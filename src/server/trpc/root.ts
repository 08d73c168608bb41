import { router } from "./init";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { emailsRouter } from "./routers/emails";
import { partnerPortalRouter } from "./routers/partner";
import { programRouter } from "./routers/program";
import { staffRouter } from "./routers/staff";

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  emails: emailsRouter,
  partner: partnerPortalRouter,
  program: programRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
