import { eq, sql } from "drizzle-orm";
import { assetDownloads, assets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export interface AssetDownload {
  assetId: string;
  /** The file version handed out; null for a link opened or a co-branded render. */
  version: number | null;
  partnerId: string;
  userId: string | null;
  at: Date;
}

/**
 * Counts one download: a row naming who and which version, and the asset's running total, in the
 * caller's transaction. Only called once the partner has been checked against assetVisibleToPartner.
 */
export async function recordAssetDownload(tx: Db, download: AssetDownload): Promise<void> {
  await tx.insert(assetDownloads).values({
    assetId: download.assetId,
    version: download.version,
    partnerId: download.partnerId,
    userId: download.userId,
    downloadedAt: download.at,
  });
  await tx
    .update(assets)
    .set({ downloadCount: sql`${assets.downloadCount} + 1` })
    .where(eq(assets.id, download.assetId));
}
