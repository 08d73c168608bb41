import { ASSET_CATEGORIES, ASSET_FILE_MAX_BYTES, ASSET_LIMITS } from "@/server/domains/enablement/assets-input";
import type { AssetFormLimits } from "./asset-form";

/** The schema's limits the form enforces as staff type (the server checks them again). */
export const FORM_LIMITS: AssetFormLimits = {
  title: ASSET_LIMITS.title,
  description: ASSET_LIMITS.description,
  linkUrl: ASSET_LIMITS.linkUrl,
  maxMb: Math.floor(ASSET_FILE_MAX_BYTES / (1024 * 1024)),
};

export const FORM_CATEGORIES = ASSET_CATEGORIES;
