import { router } from "./init";
import { accountRouter } from "./routers/account";
import { applicationsRouter } from "./routers/applications";
import { invitationsRouter } from "./routers/invitations";
import { partnersRouter } from "./routers/partners";
import { teamRouter } from "./routers/team";
import { termsRouter } from "./routers/terms";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { emailsRouter } from "./routers/emails";
import { partnerPortalRouter } from "./routers/partner";
import { programRouter } from "./routers/program";
import { staffRouter } from "./routers/staff";
import { leadsRouter } from "./routers/leads";
import { leadReviewRouter } from "./routers/lead-review";
import { catalogRouter } from "./routers/catalog";
import { earningsRouter } from "./routers/earnings";
import { commissionsRouter } from "./routers/commissions";
import { benchRouter } from "./routers/bench";

export const appRouter = router({
  account: accountRouter,
  applications: applicationsRouter,
  invitations: invitationsRouter,
  partners: partnersRouter,
  team: teamRouter,
  terms: termsRouter,
  audit: auditRouter,
  auth: authRouter,
  emails: emailsRouter,
  partner: partnerPortalRouter,
  program: programRouter,
  staff: staffRouter,
  leads: leadsRouter,
  leadReview: leadReviewRouter,
  catalog: catalogRouter,
  earnings: earningsRouter,
  commissions: commissionsRouter,
  bench: benchRouter,
});

export type AppRouter = typeof appRouter;
