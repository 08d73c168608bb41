import { z } from "zod";
import {
  addNoteInput,
  addPartnerNote,
  assignManager,
  assignManagerInput,
  directoryFilters,
  exportPartnersCsv,
  listPartners,
  listPartnersInput,
  partnerDetail,
  partnerManagers,
  setPartnerStatus,
  setPartnerStatusInput,
  tierOptions,
  updatePartnerProfile,
  updatePartnerProfileInput,
} from "@/server/domains/partners/directory";
import { resendInvitation, revokeInvitation } from "@/server/domains/partners/invitations";
import { router, staffProcedure } from "../../init";
import { csvHeaders } from "../../csv-headers";

const invitationInput = z.object({ partnerId: z.uuid(), invitationId: z.uuid() });

/** The staff directory of partners. */
export const partnersRouter = router({
  list: staffProcedure("partner_manager", "finance")
    .input(listPartnersInput)
    .query(({ ctx, input }) => listPartners(ctx.db, input)),
  exportCsv: staffProcedure("partner_manager", "finance")
    .input(directoryFilters)
    .query(({ ctx, input }) => {
      const headers = csvHeaders(ctx.locale, "directory.columns", [
        "name",
        "domain",
        "country",
        "type",
        "status",
        "tier",
        "manager",
        "users",
        "joined",
      ]);
      return exportPartnersCsv(ctx.db, input, headers);
    }),
  detail: staffProcedure("partner_manager", "finance")
    .input(z.object({ partnerId: z.uuid() }))
    .query(({ ctx, input }) => partnerDetail(ctx.db, input.partnerId)),
  options: staffProcedure("partner_manager", "finance").query(async ({ ctx }) => ({
    managers: await partnerManagers(ctx.db),
    tiers: await tierOptions(ctx.db),
  })),
  updateProfile: staffProcedure("partner_manager")
    .input(updatePartnerProfileInput)
    .mutation(({ ctx, input }) => updatePartnerProfile(ctx.service, input)),
  assignManager: staffProcedure("partner_manager")
    .input(assignManagerInput)
    .mutation(({ ctx, input }) => assignManager(ctx.service, input)),
  setStatus: staffProcedure("partner_manager")
    .input(setPartnerStatusInput)
    .mutation(({ ctx, input }) => setPartnerStatus(ctx.service, input)),
  addNote: staffProcedure("partner_manager")
    .input(addNoteInput)
    .mutation(({ ctx, input }) => addPartnerNote(ctx.service, input)),
  resendInvitation: staffProcedure("partner_manager")
    .input(invitationInput)
    .mutation(({ ctx, input }) =>
      resendInvitation(ctx.service, { ...input, locale: ctx.locale }).then((invitation) => ({ id: invitation.id })),
    ),
  revokeInvitation: staffProcedure("partner_manager")
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.service, input)),
});
