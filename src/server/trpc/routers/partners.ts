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
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { createTranslator } from "use-intl/core";
import { messagesByLocale } from "@/i18n/config";
import { router, staffProcedure } from "../init";

const invitationInput = z.object({ partnerId: z.uuid(), invitationId: z.uuid() });

/** The staff directory of partners. */
export const partnersRouter = router({
  list: staffProcedure("partner_manager", "finance")
    .input(listPartnersInput)
    .query(({ ctx, input }) => listPartners(ctx.db, input)),
  exportCsv: staffProcedure("partner_manager", "finance")
    .input(directoryFilters)
    .query(({ ctx, input }) => {
      const t = createTranslator({
        locale: ctx.locale,
        messages: messagesByLocale[ctx.locale],
        namespace: "directory.columns",
      });
      const headers = [
        t("name"),
        t("domain"),
        t("country"),
        t("type"),
        t("status"),
        t("tier"),
        t("manager"),
        t("users"),
        t("joined"),
      ];
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
    .mutation(async ({ ctx, input }) => {
      const invitation = await resendInvitation(ctx.service, { ...input, locale: ctx.locale });
      await nudge(QUEUES.emailOutbox.name);
      return { id: invitation.id };
    }),
  revokeInvitation: staffProcedure("partner_manager")
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.service, input)),
});
