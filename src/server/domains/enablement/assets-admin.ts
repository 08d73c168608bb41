import { and, eq, max } from "drizzle-orm";
import type { z } from "zod";
import { assets, assetVersions, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { discardStoredBytes, storeFile, type StoredFile } from "@/server/integrations/storage";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import {
  assetIdInput,
  createFileAssetFields,
  createLinkAssetInput,
  replaceAssetFileFields,
  updateAssetInput,
  type AssetLanguage,
  type AssetMetadata,
} from "./assets-input";

/** An uploaded file as it arrives, before anything looks at it. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** C0/C1 controls (NUL among them) and the direction overrides that make a name read backwards. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A file name with a path in it ("../../etc/passwd.pdf", "C:\x.pdf") or a control character is
 * refused outright rather than quietly cut down to its last segment: a library file is named by
 * staff on purpose, and such a name only comes from a tool or an attack. Nothing is stored.
 */
export function assertUploadName(name: string): void {
  if (name.length === 0 || name.length > 255 || /[\\/]/.test(name) || CONTROL.test(name) || /^\.+$/.test(name.trim()))
    throw new InvalidError("storage.badName", "file");
}

const languageOf = (language: AssetLanguage) => (language === "any" ? null : language);

async function assertTier(tx: Db, tierId: string | null) {
  if (!tierId) return;
  const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, tierId));
  if (!tier) throw new InvalidError("assets.tierUnknown", "minTierId");
}

function metadataColumns(input: AssetMetadata) {
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    tags: input.tags,
    language: languageOf(input.language),
    minTierId: input.minTierId,
    expiresAt: input.expiresAt,
  };
}

/** What the audit keeps of an asset: its description and settings, not the bytes. */
function auditOf(row: typeof assets.$inferSelect) {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    category: row.category,
    tags: row.tags,
    language: row.language,
    minTierId: row.minTierId,
    expiresAt: row.expiresAt,
    linkUrl: row.linkUrl,
    currentVersion: row.currentVersion,
    archivedAt: row.archivedAt,
  };
}

const fileAudit = (file: StoredFile) => ({
  fileId: file.id,
  originalName: file.originalName,
  contentType: file.contentType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
});

/**
 * Runs a write that stores a file: should the transaction fail after the bytes were written (the
 * audit, a constraint), the bytes are removed again, so a refused upload leaves nothing behind.
 */
async function withStoredFile<T>(
  ctx: ServiceCtx<StaffActor>,
  work: (tx: Db, store: (file: UploadedFile) => Promise<StoredFile>) => Promise<T>,
): Promise<T> {
  let written: string | null = null;
  try {
    return await withTransaction(ctx, (tx) =>
      work(tx, async (file) => {
        assertUploadName(file.name);
        const stored = await storeFile(tx, {
          purpose: "asset_file",
          bytes: file.bytes,
          originalName: file.name,
          uploadedBy: ctx.actor.userId,
        });
        written = stored.storageKey;
        return stored;
      }),
    );
  } catch (error) {
    if (written) await discardStoredBytes(written).catch(() => undefined);
    throw error;
  }
}

/**
 * A new file asset (PDF, image or ZIP up to 50 MB, by its bytes): the file is version 1. The name
 * is checked, then the bytes (storeFile), before anything is written.
 */
export async function createFileAsset(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof createFileAssetFields>,
  file: UploadedFile,
): Promise<{ assetId: string }> {
  const input = createFileAssetFields.parse(raw);
  assertUploadName(file.name);
  return withStoredFile(ctx, async (tx, store) => {
    await assertTier(tx, input.minTierId);
    const stored = await store(file);
    const [asset] = await tx
      .insert(assets)
      .values({ kind: "file", ...metadataColumns(input), currentVersion: 1, createdBy: ctx.actor.userId })
      .returning();
    await tx
      .insert(assetVersions)
      .values({ assetId: asset!.id, version: 1, fileId: stored.id, createdBy: ctx.actor.userId });
    await audit(
      tx,
      ctx.actor,
      {
        action: "asset.created",
        entityType: "asset",
        entityId: asset!.id,
        after: { ...auditOf(asset!), file: fileAudit(stored) },
      },
      ctx.clock.now(),
    );
    return { assetId: asset!.id };
  });
}

/** A new link asset (a video, say): https only. */
export async function createLinkAsset(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof createLinkAssetInput>,
): Promise<{ assetId: string }> {
  const input = createLinkAssetInput.parse(raw);
  return withTransaction(ctx, async (tx) => {
    await assertTier(tx, input.minTierId);
    const [asset] = await tx
      .insert(assets)
      .values({ kind: "link", ...metadataColumns(input), linkUrl: input.linkUrl, createdBy: ctx.actor.userId })
      .returning();
    await audit(
      tx,
      ctx.actor,
      { action: "asset.created", entityType: "asset", entityId: asset!.id, after: auditOf(asset!) },
      ctx.clock.now(),
    );
    return { assetId: asset!.id };
  });
}

/** The asset row, locked so two staff editing it at once take turns. */
async function lockAsset(tx: Db, assetId: string) {
  const [row] = await tx.select().from(assets).where(eq(assets.id, assetId)).for("update");
  if (!row) throw new NotFoundError("assets.notFound", "assetId");
  return row;
}

/**
 * Edits what describes an asset (and a link's address). A co-branded template is edited on its
 * own page, which owns its content.
 */
export async function updateAsset(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof updateAssetInput>) {
  const input = updateAssetInput.parse(raw);
  return withTransaction(ctx, async (tx) => {
    const before = await lockAsset(tx, input.assetId);
    if (before.kind === "cobrand") throw new ConflictError("assets.cobrandElsewhere");
    await assertTier(tx, input.minTierId);
    const [after] = await tx
      .update(assets)
      .set({
        ...metadataColumns(input),
        ...(before.kind === "link" && input.linkUrl ? { linkUrl: input.linkUrl } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(assets.id, input.assetId))
      .returning();
    await audit(
      tx,
      ctx.actor,
      {
        action: "asset.updated",
        entityType: "asset",
        entityId: input.assetId,
        before: auditOf(before),
        after: auditOf(after!),
      },
      ctx.clock.now(),
    );
    return { assetId: input.assetId };
  });
}

/**
 * Replaces a file asset's file: a new version, which partners download from now on. The running
 * download count stays with the asset (each download row names the version it handed out).
 */
export async function replaceAssetFile(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof replaceAssetFileFields>,
  file: UploadedFile,
): Promise<{ assetId: string; version: number }> {
  const input = replaceAssetFileFields.parse(raw);
  assertUploadName(file.name);
  return withStoredFile(ctx, async (tx, store) => {
    const before = await lockAsset(tx, input.assetId);
    if (before.kind !== "file") throw new InvalidError("assets.notAFile", "file");
    const [latest] = await tx
      .select({ version: max(assetVersions.version) })
      .from(assetVersions)
      .where(eq(assetVersions.assetId, input.assetId));
    const version = (latest?.version ?? 0) + 1;
    const stored = await store(file);
    await tx
      .insert(assetVersions)
      .values({ assetId: input.assetId, version, fileId: stored.id, note: input.note, createdBy: ctx.actor.userId });
    await tx
      .update(assets)
      .set({ currentVersion: version, updatedAt: ctx.clock.now() })
      .where(eq(assets.id, input.assetId));
    await audit(
      tx,
      ctx.actor,
      {
        action: "asset.fileReplaced",
        entityType: "asset",
        entityId: input.assetId,
        before: { currentVersion: before.currentVersion },
        after: { currentVersion: version, note: input.note, file: fileAudit(stored) },
      },
      ctx.clock.now(),
    );
    return { assetId: input.assetId, version };
  });
}

async function setArchived(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof assetIdInput>, archive: boolean) {
  const { assetId } = assetIdInput.parse(raw);
  return withTransaction(ctx, async (tx) => {
    const before = await lockAsset(tx, assetId);
    if (archive === (before.archivedAt !== null))
      throw new ConflictError(archive ? "assets.alreadyArchived" : "assets.notArchived");
    const now = ctx.clock.now();
    await tx
      .update(assets)
      .set({ archivedAt: archive ? now : null, updatedAt: now })
      .where(and(eq(assets.id, assetId)));
    await audit(
      tx,
      ctx.actor,
      {
        action: archive ? "asset.archived" : "asset.restored",
        entityType: "asset",
        entityId: assetId,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: archive ? now : null },
      },
      now,
    );
    return { assetId };
  });
}

/** Takes an asset out of the library (partners no longer see or fetch it); its history stays. */
export const archiveAsset = (ctx: ServiceCtx<StaffActor>, raw: z.input<typeof assetIdInput>) =>
  setArchived(ctx, raw, true);
/** Puts an archived asset back. */
export const restoreAsset = (ctx: ServiceCtx<StaffActor>, raw: z.input<typeof assetIdInput>) =>
  setArchived(ctx, raw, false);
