import { updateProgramSettings, updateProgramSettingsInput } from "@/server/domains/program/service";
import { programOverview } from "@/server/domains/overview/queries";
import { router, staffProcedure } from "../../init";

export const programRouter = router({
  updateSettings: staffProcedure("admin")
    .input(updateProgramSettingsInput)
    .mutation(({ ctx, input }) => updateProgramSettings(ctx.service, input)),
  overview: staffProcedure("partner_manager", "finance").query(({ ctx }) => programOverview(ctx.db, ctx.clock)),
});
