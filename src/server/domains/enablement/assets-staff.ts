import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { z } from "zod";
import { containsPattern } from "@/server/db/like";
import { assetDownloads, assets, assetVersions, storedFiles, tiers, users } from "@/server/db/schema";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageOf } from "../pagination";
import { assetIdInput, listAssetsInput, type AssetStatus } from "./assets-input";

const minTier = aliasedTable(tiers, "asset_list_tier");
const currentFile = aliasedTable(storedFiles, "asset_list_file");
const currentVersionRow = aliasedTable(assetVersions, "asset_list_version");

/** Where an asset stands at `now`: archived first, then past its expiry, else live. */
export function assetStatusOf(row: { archivedAt: Date | null; expiresAt: Date | null }, now: Date): AssetStatus {
  if (row.archivedAt) return "archived";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "live";
}

/**
 * The library as staff keep it: every asset (co-branded templates too), filtered, sorted and paged
 * on the server. The search looks in the title, the description and the tags.
 */
export async function listAssets(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof listAssetsInput>) {
  const input = listAssetsInput.parse(raw);
  const { db, clock } = ctx;
  const now = clock.now();
  const statusWhere: Record<AssetStatus, SQL | undefined> = {
    live: and(isNull(assets.archivedAt), or(isNull(assets.expiresAt), gt(assets.expiresAt, now))),
    expired: and(isNull(assets.archivedAt), lte(assets.expiresAt, now)),
    archived: isNotNull(assets.archivedAt),
  };
  const pattern = input.search ? containsPattern(input.search) : null;
  const where = and(
    pattern
      ? or(
          ilike(assets.title, pattern),
          ilike(assets.description, pattern),
          sql`exists (select 1 from unnest(${assets.tags}) as tag where tag ilike ${pattern})`,
        )
      : undefined,
    input.kind ? eq(assets.kind, input.kind) : undefined,
    input.category ? eq(assets.category, input.category) : undefined,
    input.minTier === "everyone"
      ? isNull(assets.minTierId)
      : input.minTier
        ? eq(assets.minTierId, input.minTier)
        : undefined,
    input.language === "any"
      ? isNull(assets.language)
      : input.language
        ? eq(assets.language, input.language)
        : undefined,
    input.status ? statusWhere[input.status] : undefined,
  );
  const order = input.sortDir === "asc" ? asc : desc;
  const sortColumn = {
    title: sql`lower(${assets.title})`,
    createdAt: assets.createdAt,
    downloads: assets.downloadCount,
    // No expiry sorts as the latest of all.
    expiresAt: sql`coalesce(${assets.expiresAt}, 'infinity'::timestamptz)`,
  }[input.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        assetId: assets.id,
        kind: assets.kind,
        title: assets.title,
        category: assets.category,
        tags: assets.tags,
        language: assets.language,
        minTierKey: minTier.key,
        minTierName: minTier.name,
        expiresAt: assets.expiresAt,
        archivedAt: assets.archivedAt,
        currentVersion: assets.currentVersion,
        downloadCount: assets.downloadCount,
        createdAt: assets.createdAt,
        contentType: currentFile.contentType,
        linkUrl: assets.linkUrl,
      })
      .from(assets)
      .leftJoin(minTier, eq(minTier.id, assets.minTierId))
      .leftJoin(
        currentVersionRow,
        and(eq(currentVersionRow.assetId, assets.id), eq(currentVersionRow.version, assets.currentVersion)),
      )
      .leftJoin(currentFile, eq(currentFile.id, currentVersionRow.fileId))
      .where(where)
      .orderBy(order(sortColumn), desc(assets.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(assets).where(where),
  ]);
  return pageOf(
    rows.map((row) => ({ ...row, status: assetStatusOf(row, now) })),
    total?.n ?? 0,
    input.page,
    input.pageSize,
  );
}

/** One asset for its staff page: everything that describes it, and each version with who uploaded it when. */
export async function assetForStaff(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof assetIdInput>) {
  const { assetId } = assetIdInput.parse(raw);
  const { db, clock } = ctx;
  const [row] = await db
    .select({ asset: assets, minTierKey: minTier.key, minTierName: minTier.name })
    .from(assets)
    .leftJoin(minTier, eq(minTier.id, assets.minTierId))
    .where(eq(assets.id, assetId));
  if (!row) throw new NotFoundError("assets.notFound", "assetId");
  const versions = await db
    .select({
      version: assetVersions.version,
      note: assetVersions.note,
      createdAt: assetVersions.createdAt,
      uploadedBy: users.name,
      fileName: storedFiles.originalName,
      contentType: storedFiles.contentType,
      sizeBytes: storedFiles.sizeBytes,
      downloads: sql<number>`(select count(*)::int from ${assetDownloads} where ${assetDownloads.assetId} = ${assetVersions.assetId} and ${assetDownloads.version} = ${assetVersions.version})`,
    })
    .from(assetVersions)
    .innerJoin(storedFiles, eq(storedFiles.id, assetVersions.fileId))
    .leftJoin(users, eq(users.id, assetVersions.createdBy))
    .where(eq(assetVersions.assetId, assetId))
    .orderBy(desc(assetVersions.version));
  const { asset } = row;
  return {
    assetId: asset.id,
    kind: asset.kind,
    title: asset.title,
    description: asset.description,
    category: asset.category,
    tags: asset.tags,
    language: asset.language,
    minTierId: asset.minTierId,
    minTierKey: row.minTierKey,
    minTierName: row.minTierName,
    expiresAt: asset.expiresAt,
    linkUrl: asset.linkUrl,
    currentVersion: asset.currentVersion,
    downloadCount: asset.downloadCount,
    createdAt: asset.createdAt,
    archivedAt: asset.archivedAt,
    status: assetStatusOf(asset, clock.now()),
    versions,
  };
}
