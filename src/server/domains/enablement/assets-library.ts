import { aliasedTable, and, desc, eq, ilike, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { containsPattern } from "@/server/db/like";
import { assets, assetVersions, storedFiles, tiers } from "@/server/db/schema";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageOf } from "../pagination";
import { assetVisibleToPartner } from "./asset-visibility";
import { assetIdInput, libraryInput, type LibraryType } from "./assets-input";

const minTier = aliasedTable(tiers, "library_tier");
const currentVersionRow = aliasedTable(assetVersions, "library_version");
const currentFile = aliasedTable(storedFiles, "library_file");

/** Where a partner goes for an asset of each kind: co-branded templates are rendered on their own page. */
export const libraryHref = (asset: { assetId: string; kind: string }) =>
  asset.kind === "cobrand" ? `/assets/${asset.assetId}/cobranded` : `/assets/${asset.assetId}`;

/** What a card and the detail page show of a type: a file's sniffed type, a link or a template. */
export function libraryTypeOf(kind: string, contentType: string | null): LibraryType {
  if (kind === "link") return "link";
  if (kind === "cobrand") return "cobrand";
  if (contentType === "application/pdf") return "pdf";
  if (contentType === "application/zip") return "zip";
  return "image";
}

const typeWhere: Record<LibraryType, SQL | undefined> = {
  pdf: and(eq(assets.kind, "file"), eq(currentFile.contentType, "application/pdf")),
  image: and(eq(assets.kind, "file"), like(currentFile.contentType, "image/%")),
  zip: and(eq(assets.kind, "file"), eq(currentFile.contentType, "application/zip")),
  link: eq(assets.kind, "link"),
  cobrand: eq(assets.kind, "cobrand"),
};

function baseQuery(ctx: ServiceCtx<PartnerActor>) {
  return ctx.db
    .select({
      assetId: assets.id,
      kind: assets.kind,
      title: assets.title,
      description: assets.description,
      category: assets.category,
      tags: assets.tags,
      language: assets.language,
      minTierKey: minTier.key,
      expiresAt: assets.expiresAt,
      updatedAt: assets.updatedAt,
      currentVersion: assets.currentVersion,
      contentType: currentFile.contentType,
      sizeBytes: currentFile.sizeBytes,
      fileName: currentFile.originalName,
    })
    .from(assets)
    .leftJoin(minTier, eq(minTier.id, assets.minTierId))
    .leftJoin(
      currentVersionRow,
      and(eq(currentVersionRow.assetId, assets.id), eq(currentVersionRow.version, assets.currentVersion)),
    )
    .leftJoin(currentFile, eq(currentFile.id, currentVersionRow.fileId));
}

type LibraryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["where"]>>[number];

function shape(row: LibraryRow) {
  const type = libraryTypeOf(row.kind, row.contentType);
  return {
    ...row,
    type,
    /** Images show as thumbnails; a PDF's first page is drawn on its detail page. */
    previewable: type === "image" || type === "pdf",
    href: libraryHref(row),
  };
}

/**
 * The library a partner's tier unlocks, through the one visibility rule (not archived, not
 * expired, tier at or above the asset's minimum): searched in title, description and tags,
 * filtered by category, type and language (an asset in any language matches either), paged on
 * the server, newest first.
 */
export async function library(ctx: ServiceCtx<PartnerActor>, raw: z.input<typeof libraryInput> = {}) {
  const input = libraryInput.parse(raw);
  const { actor, clock } = ctx;
  const pattern = input.search ? containsPattern(input.search) : null;
  const where = and(
    assetVisibleToPartner(actor.partnerId, clock.now()),
    pattern
      ? or(
          ilike(assets.title, pattern),
          ilike(assets.description, pattern),
          sql`exists (select 1 from unnest(${assets.tags}) as tag where tag ilike ${pattern})`,
        )
      : undefined,
    input.category ? eq(assets.category, input.category) : undefined,
    input.type ? typeWhere[input.type] : undefined,
    input.language ? or(isNull(assets.language), eq(assets.language, input.language)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    baseQuery(ctx)
      .where(where)
      .orderBy(desc(assets.createdAt), desc(assets.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(assets)
      .leftJoin(
        currentVersionRow,
        and(eq(currentVersionRow.assetId, assets.id), eq(currentVersionRow.version, assets.currentVersion)),
      )
      .leftJoin(currentFile, eq(currentFile.id, currentVersionRow.fileId))
      .where(where),
  ]);
  return pageOf(rows.map(shape), total?.n ?? 0, input.page, input.pageSize);
}

/** One asset of the library; an asset the partner may not see is "not found", like a missing one. */
export async function libraryAsset(ctx: ServiceCtx<PartnerActor>, raw: z.input<typeof assetIdInput>) {
  const { assetId } = assetIdInput.parse(raw);
  const [row] = await baseQuery(ctx).where(
    and(eq(assets.id, assetId), assetVisibleToPartner(ctx.actor.partnerId, ctx.clock.now())),
  );
  if (!row) throw new NotFoundError("assets.notFound", "assetId");
  return shape(row);
}
