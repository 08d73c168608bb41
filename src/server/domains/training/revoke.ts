import { eq } from "drizzle-orm";
import { z } from "zod";
import { certifications } from "@/server/db/schema";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { recomputeTier } from "../commissions/tiers";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { notifyHolder } from "./certification-notify";

export const revokeCertificationInput = z.object({
  certificationId: z.uuid(),
  reason: z.string().trim().min(5).max(1000),
});

/**
 * Staff take a certification back (earned by mistake, misconduct): it stops counting at once, the
 * partner's tier is rechecked in the same transaction (a tier that needs it moves down), and the
 * person is told why.
 */
export async function revokeCertification(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof revokeCertificationInput>) {
  const input = revokeCertificationInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [cert] = await tx
      .select()
      .from(certifications)
      .where(eq(certifications.id, input.certificationId))
      .for("update");
    if (!cert) throw new NotFoundError("certification.notFound", "certificationId");
    if (cert.revokedAt) throw new ConflictError("certification.alreadyRevoked", "certificationId");
    const now = clock.now();
    const [revoked] = await tx
      .update(certifications)
      .set({ revokedAt: now, revokedBy: actor.userId, revokeReason: input.reason })
      .where(eq(certifications.id, cert.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "certification.revoked",
        entityType: "certification",
        entityId: cert.id,
        before: { revokedAt: null },
        after: { revokedAt: now, reason: input.reason, userId: cert.userId, partnerId: cert.partnerId },
      },
      now,
    );
    const tier = await recomputeTier(tx, cert.partnerId, clock, { actor });
    await notifyHolder(tx, cert, "certificationRevoked", () => ({ reason: input.reason }), clock);
    return { certification: revoked!, tierChanged: tier?.changed ?? false };
  });
}
