import {
  getProgramSettings,
  updateProgramSettings,
  updateProgramSettingsInput,
} from "@/server/domains/program/service";
import { programOverview } from "@/server/domains/overview/queries";
import { router, staffProcedure, userProcedure } from "../init";

export const programRouter = router({
  /** Currency and windows: every signed-in user needs them to read money and dates. */
  settings: userProcedure.query(({ ctx }) => getProgramSettings(ctx.db)),
  updateSettings: staffProcedure("admin")
    .input(updateProgramSettingsInput)
    .mutation(({ ctx, input }) => updateProgramSettings(ctx.service, input)),
  overview: staffProcedure("partner_manager", "finance").query(({ ctx }) => programOverview(ctx.db)),
});
