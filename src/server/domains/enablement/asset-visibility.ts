import { aliasedTable, and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { assets, partners, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

const minTier = aliasedTable(tiers, "asset_min_tier");
const partnerTier = aliasedTable(tiers, "asset_partner_tier");

/**
 * The one rule for which assets a partner sees: not archived, not past its expiry, and the
 * partner's tier at or above the asset's minimum tier (no minimum: everyone). Every partner-facing
 * read of an asset (library, detail, download, preview, co-branded render) goes through it, so an
 * asset above the tier or past its expiry is "not found" everywhere, by URL too.
 */
export function assetVisibleToPartner(partnerId: string, now: Date) {
  return and(
    isNull(assets.archivedAt),
    or(isNull(assets.expiresAt), gt(assets.expiresAt, now)),
    or(
      isNull(assets.minTierId),
      // An aliased table renders as its alias alone in raw SQL, so the real table is named before it.
      sql`(select ${minTier.rank} from ${tiers} ${minTier} where ${minTier.id} = ${assets.minTierId}) <= (select ${partnerTier.rank} from ${partners} join ${tiers} ${partnerTier} on ${partnerTier.id} = ${partners.tierId} where ${partners.id} = ${partnerId})`,
    ),
  );
}

export type Asset = typeof assets.$inferSelect;

/** The asset when the partner may see it now, else null (never a hint that it exists). */
export async function visibleAssetOf(db: Db, partnerId: string, assetId: string, now: Date): Promise<Asset | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(assetId)) return null;
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.id, assetId), assetVisibleToPartner(partnerId, now)));
  return row ?? null;
}
