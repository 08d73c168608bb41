import { router } from "../../init";
import { applicationsRouter } from "./applications";
import { auditRouter } from "./audit";
import { catalogRouter } from "./catalog";
import { certificationsRouter } from "./certifications";
import { commissionsRouter } from "./commissions";
import { coursesRouter } from "./courses";
import { emailsRouter } from "./emails";
import { leadsRouter } from "./leads";
import { partnersRouter } from "./partners";
import { payoutsRouter } from "./payouts";
import { programRouter } from "./program";
import { staffRouter } from "./staff";
import { termsRouter } from "./terms";
import { assetsRouter } from "./assets";
import { cobrandRouter } from "./cobrand";
import { mdfRouter } from "./mdf";

/** The vendor's staff: every procedure here is a staff procedure naming the roles that may call it. */
export const manageRouter = router({
  applications: applicationsRouter,
  partners: partnersRouter,
  leads: leadsRouter,
  commissions: commissionsRouter,
  payouts: payoutsRouter,
  catalog: catalogRouter,
  program: programRouter,
  terms: termsRouter,
  staff: staffRouter,
  audit: auditRouter,
  emails: emailsRouter,
  courses: coursesRouter,
  certifications: certificationsRouter,
  assets: assetsRouter,
  cobrand: cobrandRouter,
  mdf: mdfRouter,
});
