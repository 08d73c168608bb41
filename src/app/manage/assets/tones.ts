import type { BadgeTone } from "@/components/ui";
import type { AssetStatus } from "@/server/domains/enablement/assets-input";

/** How an asset's status reads at a glance. */
export const ASSET_STATUS_TONE: Record<AssetStatus, BadgeTone> = {
  live: "success",
  expired: "warning",
  archived: "neutral",
};

/** Where staff open an asset: co-branded templates have their own editor. */
export const staffAssetHref = (row: { assetId: string; kind: string }) =>
  row.kind === "cobrand" ? `/manage/assets/templates/${row.assetId}` : `/manage/assets/${row.assetId}`;
