import { and, eq } from "drizzle-orm";
import { assets, assetVersions } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { readStoredFile, type StoredFileContent } from "@/server/integrations/storage";
import type { Actor } from "../actor";
import { withTransaction, type ServiceCtx } from "../context";
import { visibleAssetOf, type Asset } from "./asset-visibility";
import { recordAssetDownload } from "./downloads";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a file route may serve inline: images and PDFs (a ZIP is only ever downloaded). */
const PREVIEW_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"]);

/**
 * The asset as the actor may reach it: staff any asset (archived and expired too, to check what
 * they keep); a partner only through the visibility rule. Null alike for missing, malformed and
 * not-for-you ids, so nothing can be probed.
 */
async function reachableAsset(db: Db, actor: Actor, assetId: string, now: Date): Promise<Asset | null> {
  if (!UUID.test(assetId)) return null;
  if (actor.kind === "partner") return visibleAssetOf(db, actor.partnerId, assetId, now);
  const [row] = await db.select().from(assets).where(eq(assets.id, assetId));
  return row ?? null;
}

async function versionFile(db: Db, assetId: string, version: number): Promise<StoredFileContent | null> {
  const [row] = await db
    .select({ fileId: assetVersions.fileId })
    .from(assetVersions)
    .where(and(eq(assetVersions.assetId, assetId), eq(assetVersions.version, version)));
  return row ? readStoredFile(db, row.fileId) : null;
}

/**
 * A file asset's bytes to download. A partner gets the current version, and the download is
 * counted (a row naming who and which version, and the running total) in one transaction; staff
 * get any version they name (the current one by default), uncounted: checking a file is not use.
 */
export async function downloadAssetFile(
  ctx: ServiceCtx<Actor>,
  assetId: string,
  askedVersion?: number,
): Promise<StoredFileContent | null> {
  const { actor, clock } = ctx;
  const now = clock.now();
  const asset = await reachableAsset(ctx.db, actor, assetId, now);
  if (!asset || asset.kind !== "file" || asset.currentVersion === null) return null;
  if (actor.kind === "staff") return versionFile(ctx.db, asset.id, askedVersion ?? asset.currentVersion);
  const version = asset.currentVersion;
  const file = await versionFile(ctx.db, asset.id, version);
  if (!file) return null;
  await withTransaction(ctx, (tx) =>
    recordAssetDownload(tx, { assetId: asset.id, version, partnerId: actor.partnerId, userId: actor.userId, at: now }),
  );
  return file;
}

/** A file asset's current bytes to show inline (an image, a PDF's first page): never counted. */
export async function previewAssetFile(ctx: ServiceCtx<Actor>, assetId: string): Promise<StoredFileContent | null> {
  const asset = await reachableAsset(ctx.db, ctx.actor, assetId, ctx.clock.now());
  if (!asset || asset.kind !== "file" || asset.currentVersion === null) return null;
  const file = await versionFile(ctx.db, asset.id, asset.currentVersion);
  return file && PREVIEW_TYPES.has(file.contentType) ? file : null;
}

/** Where a link asset points, for the route that redirects there; a partner opening it counts as a use. */
export async function openAssetLink(ctx: ServiceCtx<Actor>, assetId: string): Promise<string | null> {
  const { actor, clock } = ctx;
  const now = clock.now();
  const asset = await reachableAsset(ctx.db, actor, assetId, now);
  if (!asset || asset.kind !== "link" || !asset.linkUrl) return null;
  // Stored links were checked as https on the way in; checked again, since this one becomes a redirect.
  if (!/^https:\/\//i.test(asset.linkUrl) || !URL.canParse(asset.linkUrl)) return null;
  if (actor.kind === "partner")
    await withTransaction(ctx, (tx) =>
      recordAssetDownload(tx, {
        assetId: asset.id,
        version: null,
        partnerId: actor.partnerId,
        userId: actor.userId,
        at: now,
      }),
    );
  return asset.linkUrl;
}
