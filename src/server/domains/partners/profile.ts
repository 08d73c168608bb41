import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { partnerLogos, partners } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { InvalidError, NotFoundError } from "../errors";
import { profileFields, writeProfile } from "./directory";
import { checkLogo, LOGO_MAX_BYTES, LOGO_TYPES } from "./logo";

/** The caller's own organization profile (owners edit it at /settings). */
export async function ownProfile(ctx: ServiceCtx<PartnerActor>) {
  const { db, actor } = ctx;
  const [row] = await db
    .select({
      name: partners.name,
      website: partners.website,
      country: partners.country,
      contactEmail: partners.contactEmail,
      phone: partners.phone,
      address: partners.address,
      status: partners.status,
      logoUpdatedAt:
        sql<Date | null>`(select ${partnerLogos.updatedAt} from ${partnerLogos} where ${partnerLogos.partnerId} = ${partners.id})`.mapWith(
          (v: string | Date | null) => (v ? new Date(v) : null),
        ),
    })
    .from(partners)
    .where(eq(partners.id, actor.partnerId));
  if (!row) throw new NotFoundError("partner.notFound");
  return row;
}

export const updateOwnProfileInput = z.object(profileFields);

export async function updateOwnProfile(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof updateOwnProfileInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const { before, after } = await writeProfile(tx, actor.partnerId, input);
    await audit(
      tx,
      actor,
      { action: "partner.profileUpdated", entityType: "partner", entityId: actor.partnerId, before, after },
      clock.now(),
    );
  });
}

export const uploadLogoInput = z.object({
  contentType: z.enum(LOGO_TYPES, { message: "logo.wrongType" }),
  /** Base64 of the file; a little over 4/3 of the byte limit. */
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 8, { message: "logo.tooLarge" }),
});

export async function uploadLogo(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof uploadLogoInput>) {
  const { actor, clock } = ctx;
  const checked = checkLogo(new Uint8Array(Buffer.from(input.dataBase64, "base64")), input.contentType);
  if (!checked.ok) throw new InvalidError(checked.code, "logo");
  await withTransaction(ctx, async (tx) => {
    await tx
      .insert(partnerLogos)
      .values({
        partnerId: actor.partnerId,
        contentType: checked.contentType,
        bytes: checked.bytes,
        updatedAt: clock.now(),
      })
      .onConflictDoUpdate({
        target: partnerLogos.partnerId,
        set: { contentType: checked.contentType, bytes: checked.bytes, updatedAt: clock.now() },
      });
    await audit(
      tx,
      actor,
      {
        action: "partner.logoUpdated",
        entityType: "partner",
        entityId: actor.partnerId,
        after: { contentType: checked.contentType, size: checked.bytes.length },
      },
      clock.now(),
    );
  });
}

export async function removeLogo(ctx: ServiceCtx<PartnerActor>) {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    await tx.delete(partnerLogos).where(eq(partnerLogos.partnerId, actor.partnerId));
    await audit(
      tx,
      actor,
      { action: "partner.logoRemoved", entityType: "partner", entityId: actor.partnerId },
      clock.now(),
    );
  });
}

export async function logoOf(db: Db, partnerId: string) {
  const [row] = await db.select().from(partnerLogos).where(eq(partnerLogos.partnerId, partnerId));
  return row ?? null;
}
