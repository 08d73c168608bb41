import { and, count, countDistinct, desc, eq, gte, max, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { DAY } from "@/lib/clock";
import { toCsv } from "@/lib/csv";
import { assetDownloads, assets, partners } from "@/server/db/schema";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageOf } from "../pagination";
import {
  assetUsageExportInput,
  assetUsageInput,
  topAssetsExportInput,
  topAssetsInput,
  type UsagePeriod,
} from "./assets-input";

const PERIOD_DAYS: Record<UsagePeriod, number | null> = { "7d": 7, "30d": 30, "90d": 90, "365d": 365, all: null };

/** The downloads inside the period, ending now. */
function inPeriod(period: UsagePeriod, now: Date): SQL | undefined {
  const days = PERIOD_DAYS[period];
  return days === null ? undefined : gte(assetDownloads.downloadedAt, new Date(now.getTime() - days * DAY));
}

/** The limit an export reads at once: a program's library is hundreds of assets, its partners thousands. */
const EXPORT_LIMIT = 10_000;

async function topRows(ctx: ServiceCtx<StaffActor>, period: UsagePeriod, limit: number, offset: number) {
  const downloads = count(assetDownloads.id);
  const where = inPeriod(period, ctx.clock.now());
  return Promise.all([
    ctx.db
      .select({
        assetId: assets.id,
        title: assets.title,
        kind: assets.kind,
        category: assets.category,
        downloads,
        partners: countDistinct(assetDownloads.partnerId),
        lastDownloadAt: max(assetDownloads.downloadedAt),
      })
      .from(assetDownloads)
      .innerJoin(assets, eq(assets.id, assetDownloads.assetId))
      .where(where)
      .groupBy(assets.id)
      .orderBy(desc(downloads), desc(countDistinct(assetDownloads.partnerId)), assets.title)
      .limit(limit)
      .offset(offset),
    ctx.db
      .select({ n: countDistinct(assetDownloads.assetId) })
      .from(assetDownloads)
      .where(where),
  ]);
}

/** The most used assets over the period: downloads (links opened, templates rendered) and distinct partners. */
export async function topAssets(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof topAssetsInput> = {}) {
  const input = topAssetsInput.parse(raw);
  const [rows, [total]] = await topRows(ctx, input.period, input.pageSize, offsetOf(input.page, input.pageSize));
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

async function usageRows(
  ctx: ServiceCtx<StaffActor>,
  assetId: string,
  period: UsagePeriod,
  limit: number,
  offset: number,
) {
  const downloads = count(assetDownloads.id);
  const where = and(eq(assetDownloads.assetId, assetId), inPeriod(period, ctx.clock.now()));
  return Promise.all([
    ctx.db
      .select({
        partnerId: partners.id,
        partnerName: partners.name,
        people: countDistinct(assetDownloads.userId),
        downloads,
        lastDownloadAt: max(assetDownloads.downloadedAt),
      })
      .from(assetDownloads)
      .innerJoin(partners, eq(partners.id, assetDownloads.partnerId))
      .where(where)
      .groupBy(partners.id)
      .orderBy(desc(downloads), partners.name)
      .limit(limit)
      .offset(offset),
    ctx.db
      .select({ n: countDistinct(assetDownloads.partnerId) })
      .from(assetDownloads)
      .where(where),
  ]);
}

/** Who used one asset over the period: per partner, the people, the downloads and the last one. */
export async function assetUsage(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof assetUsageInput>) {
  const input = assetUsageInput.parse(raw);
  const [asset] = await ctx.db
    .select({ assetId: assets.id, title: assets.title, kind: assets.kind, downloadCount: assets.downloadCount })
    .from(assets)
    .where(eq(assets.id, input.assetId));
  if (!asset) throw new NotFoundError("assets.notFound", "assetId");
  const [rows, [total]] = await usageRows(
    ctx,
    input.assetId,
    input.period,
    input.pageSize,
    offsetOf(input.page, input.pageSize),
  );
  return { asset, ...pageOf(rows, total?.n ?? 0, input.page, input.pageSize) };
}

/** The most used assets as CSV: asset, kind, category, downloads, partners, last download. */
export async function topAssetsCsv(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof topAssetsExportInput>,
  headers: string[],
): Promise<string> {
  const input = topAssetsExportInput.parse(raw);
  const [rows] = await topRows(ctx, input.period, EXPORT_LIMIT, 0);
  return toCsv(
    headers,
    rows.map((r) => [r.title, r.kind, r.category, r.downloads, r.partners, r.lastDownloadAt]),
  );
}

/** One asset's users as CSV: partner, people, downloads, last download. */
export async function assetUsageCsv(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof assetUsageExportInput>,
  headers: string[],
): Promise<string> {
  const input = assetUsageExportInput.parse(raw);
  const [rows] = await usageRows(ctx, input.assetId, input.period, EXPORT_LIMIT, 0);
  return toCsv(
    headers,
    rows.map((r) => [r.partnerName, r.people, r.downloads, r.lastDownloadAt]),
  );
}
