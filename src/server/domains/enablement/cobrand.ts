import { and, eq } from "drizzle-orm";
import { assets, cobrandTemplates, partners, storedFiles, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { discardStoredBytes, storeFile } from "@/server/integrations/storage";
import type { Locale } from "@/i18n/config";
import type { PartnerActor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { InvalidError, NotFoundError } from "../errors";
import { defaultLinkFor, referralUrl } from "../referrals/links";
import { visibleAssetOf } from "./asset-visibility";
import {
  cobrandAssetInput,
  cobrandTemplateInput,
  updateCobrandTemplateInput,
  uploadCobrandLogoInput,
  type CobrandTemplateInput,
} from "./cobrand-input";

export type CobrandTemplate = typeof cobrandTemplates.$inferSelect;

/** The asset row and its template, as staff edit them. */
export interface CobrandTemplateRecord {
  asset: typeof assets.$inferSelect;
  template: CobrandTemplate;
}

function assetFields(input: CobrandTemplateInput) {
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    tags: input.tags,
    minTierId: input.minTierId,
    expiresAt: input.expiresAt,
  };
}

function templateFields(input: CobrandTemplateInput) {
  return {
    headline: input.headline,
    bodyMarkdown: input.bodyMarkdown,
    headlineAr: input.headlineAr,
    bodyMarkdownAr: input.bodyMarkdownAr,
    vendorLogoFileId: input.vendorLogoFileId,
    partnerPlacement: input.partnerPlacement,
    showPartnerLogo: input.showPartnerLogo,
    showReferralLink: input.showReferralLink,
    showQrCode: input.showQrCode,
    accentColor: input.accentColor,
  };
}

/**
 * What the schema cannot say: the tier exists, the logo is a stored vendor logo, an expiry the
 * editor sets now lies ahead. Each refusal names its field; nothing is written before these pass.
 */
async function assertReferences(tx: Db, input: CobrandTemplateInput, now: Date, previousExpiry: Date | null) {
  if (input.minTierId) {
    const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, input.minTierId));
    if (!tier) throw new InvalidError("cobrand.unknownTier", "minTierId");
  }
  if (input.vendorLogoFileId) {
    const [file] = await tx
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(and(eq(storedFiles.id, input.vendorLogoFileId), eq(storedFiles.purpose, "cobrand_logo")));
    if (!file) throw new InvalidError("cobrand.unknownLogo", "vendorLogoFileId");
  }
  const expiryChanged = (input.expiresAt?.getTime() ?? null) !== (previousExpiry?.getTime() ?? null);
  if (input.expiresAt && expiryChanged && input.expiresAt.getTime() <= now.getTime())
    throw new InvalidError("cobrand.expiryPast", "expiresAt");
}

/** A new co-branded template: an asset of kind cobrand (any language: it prints in the partner's) and its page. */
export async function createCobrandTemplate(ctx: ServiceCtx<StaffActor>, raw: unknown): Promise<CobrandTemplateRecord> {
  const input = cobrandTemplateInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await assertReferences(tx, input, clock.now(), null);
    const [asset] = await tx
      .insert(assets)
      .values({
        ...assetFields(input),
        kind: "cobrand",
        language: null,
        createdBy: actor.userId,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    const [template] = await tx
      .insert(cobrandTemplates)
      .values({ assetId: asset!.id, ...templateFields(input), updatedAt: clock.now() })
      .returning();
    await audit(
      tx,
      actor,
      { action: "cobrand.created", entityType: "asset", entityId: asset!.id, after: { asset, template } },
      clock.now(),
    );
    return { asset: asset!, template: template! };
  });
}

async function lockedRecord(tx: Db, assetId: string): Promise<CobrandTemplateRecord> {
  const [row] = await tx
    .select({ asset: assets, template: cobrandTemplates })
    .from(assets)
    .innerJoin(cobrandTemplates, eq(cobrandTemplates.assetId, assets.id))
    .where(and(eq(assets.id, assetId), eq(assets.kind, "cobrand")))
    .for("update", { of: assets });
  if (!row) throw new NotFoundError("notFound", "assetId");
  return row;
}

/** Saves a template whole (library fields and page), audited with what it was before. */
export async function updateCobrandTemplate(ctx: ServiceCtx<StaffActor>, raw: unknown): Promise<CobrandTemplateRecord> {
  const { assetId, ...input } = updateCobrandTemplateInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const before = await lockedRecord(tx, assetId);
    await assertReferences(tx, input, clock.now(), before.asset.expiresAt);
    const [asset] = await tx
      .update(assets)
      .set({ ...assetFields(input), updatedAt: clock.now() })
      .where(eq(assets.id, assetId))
      .returning();
    const [template] = await tx
      .update(cobrandTemplates)
      .set({ ...templateFields(input), updatedAt: clock.now() })
      .where(eq(cobrandTemplates.assetId, assetId))
      .returning();
    await audit(
      tx,
      actor,
      { action: "cobrand.updated", entityType: "asset", entityId: assetId, before, after: { asset, template } },
      clock.now(),
    );
    return { asset: asset!, template: template! };
  });
}

async function setArchived(ctx: ServiceCtx<StaffActor>, raw: unknown, archive: boolean) {
  const { assetId } = cobrandAssetInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const before = await lockedRecord(tx, assetId);
    // Archiving twice (or restoring a live template) changes nothing and writes nothing.
    if ((before.asset.archivedAt !== null) === archive) return { assetId, archivedAt: before.asset.archivedAt };
    const [after] = await tx
      .update(assets)
      .set({ archivedAt: archive ? clock.now() : null, updatedAt: clock.now() })
      .where(eq(assets.id, assetId))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: archive ? "cobrand.archived" : "cobrand.restored",
        entityType: "asset",
        entityId: assetId,
        before: { archivedAt: before.asset.archivedAt },
        after: { archivedAt: after!.archivedAt },
      },
      clock.now(),
    );
    return { assetId, archivedAt: after!.archivedAt };
  });
}

/** Takes a template out of the library (partners no longer see it); its downloads stay. */
export const archiveCobrandTemplate = (ctx: ServiceCtx<StaffActor>, raw: unknown) => setArchived(ctx, raw, true);
/** Puts an archived template back. */
export const restoreCobrandTemplate = (ctx: ServiceCtx<StaffActor>, raw: unknown) => setArchived(ctx, raw, false);

/**
 * Stores a vendor logo (purpose cobrand_logo: PNG or JPEG up to 2 MB, by the bytes' signature)
 * for a template to name on its next save; audited. Should the transaction fail, the bytes go.
 */
export async function uploadCobrandLogo(
  ctx: ServiceCtx<StaffActor>,
  raw: unknown,
): Promise<{ fileId: string; originalName: string }> {
  const input = uploadCobrandLogoInput.parse(raw);
  const { actor, clock } = ctx;
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
  let written: string | null = null;
  try {
    return await withTransaction(ctx, async (tx) => {
      const file = await storeFile(tx, {
        purpose: "cobrand_logo",
        bytes,
        originalName: input.fileName,
        uploadedBy: actor.userId,
      });
      written = file.storageKey;
      await audit(
        tx,
        actor,
        {
          action: "cobrand.logoUploaded",
          entityType: "stored_file",
          entityId: file.id,
          after: {
            fileId: file.id,
            originalName: file.originalName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
          },
        },
        clock.now(),
      );
      return { fileId: file.id, originalName: file.originalName };
    });
  } catch (error) {
    if (written) await discardStoredBytes(written).catch(() => undefined);
    throw error;
  }
}

/** A template as the editor opens it (archived ones too); not found for any other asset. */
export async function cobrandTemplateForEditing(
  ctx: ServiceCtx<StaffActor>,
  raw: unknown,
): Promise<CobrandTemplateRecord & { vendorLogoName: string | null }> {
  const { assetId } = cobrandAssetInput.parse(raw);
  const [row] = await ctx.db
    .select({ asset: assets, template: cobrandTemplates, vendorLogoName: storedFiles.originalName })
    .from(assets)
    .innerJoin(cobrandTemplates, eq(cobrandTemplates.assetId, assets.id))
    .leftJoin(storedFiles, eq(storedFiles.id, cobrandTemplates.vendorLogoFileId))
    .where(and(eq(assets.id, assetId), eq(assets.kind, "cobrand")));
  if (!row) throw new NotFoundError("notFound", "assetId");
  return row;
}

/** A template by id regardless of who asks (the PDF route checks visibility first). */
export async function cobrandTemplateOf(db: Db, assetId: string): Promise<CobrandTemplateRecord | null> {
  const [row] = await db
    .select({ asset: assets, template: cobrandTemplates })
    .from(assets)
    .innerJoin(cobrandTemplates, eq(cobrandTemplates.assetId, assets.id))
    .where(and(eq(assets.id, assetId), eq(assets.kind, "cobrand")));
  return row ?? null;
}

/**
 * What the partner's page shows about a template they may see now (the shared visibility rule;
 * anything else is not found, like a missing id): its library fields, the headline in their
 * language, and the referral link the PDF will carry.
 */
export async function cobrandForPartner(ctx: ServiceCtx<PartnerActor>, raw: unknown, locale: Locale) {
  const { assetId } = cobrandAssetInput.parse(raw);
  const visible = await visibleAssetOf(ctx.db, ctx.actor.partnerId, assetId, ctx.clock.now());
  if (!visible || visible.kind !== "cobrand") throw new NotFoundError("notFound", "assetId");
  const record = await cobrandTemplateOf(ctx.db, assetId);
  if (!record) throw new NotFoundError("notFound", "assetId");
  const { template } = record;
  const showsLink = template.showReferralLink || template.showQrCode;
  const link = showsLink ? await defaultLinkFor(ctx.db, ctx.actor.partnerId) : null;
  const arabic = locale === "ar" && template.headlineAr !== null && template.bodyMarkdownAr !== null;
  return {
    assetId,
    title: visible.title,
    description: visible.description,
    category: visible.category,
    headline: arabic ? template.headlineAr! : template.headline,
    /** Whether the partner's language has its own text (else the English is printed). */
    inPartnerLanguage: locale === "en" || arabic,
    referralUrl: link ? referralUrl(link.code) : null,
    expiresAt: visible.expiresAt,
  };
}

/** The partners staff may preview a template for: the active ones, by name. */
export async function previewPartners(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.status, "active"))
    .orderBy(partners.name)
    .limit(200);
}
