import { cobrandForPartner } from "@/server/domains/enablement/cobrand";
import { cobrandAssetInput } from "@/server/domains/enablement/cobrand-input";
import { partnerProcedure, router } from "../../init";

/**
 * Co-branded material rendered for the partner: what the preview page shows. The PDF itself comes
 * from /api/assets/<id>/cobranded (a file route), which applies the same visibility rule.
 */
export const cobrandRouter = router({
  template: partnerProcedure()
    .input(cobrandAssetInput)
    .query(({ ctx, input }) => cobrandForPartner(ctx.service, input, ctx.locale)),
});
