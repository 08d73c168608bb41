import { z } from "zod";
import { assetCategory, assetKind } from "@/server/db/schema";
import { STORAGE_PURPOSES } from "@/server/integrations/storage";
import { pageInput } from "../pagination";

/** Limits an asset's words are held to; the forms read them from here instead of repeating them. */
export const ASSET_LIMITS = {
  title: 160,
  description: 2_000,
  tags: 20,
  tag: 40,
  linkUrl: 2_000,
  note: 300,
  fileName: 255,
} as const;

export const ASSET_FILE_MAX_BYTES = STORAGE_PURPOSES.asset_file.maxBytes;

export const ASSET_CATEGORIES = assetCategory.enumValues;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
export const ASSET_KINDS = assetKind.enumValues;
export type AssetKind = (typeof ASSET_KINDS)[number];
/** The language an asset is in: English, Arabic, or any (stored as null: a logo pack, say). */
export const ASSET_LANGUAGES = ["en", "ar", "any"] as const;
export type AssetLanguage = (typeof ASSET_LANGUAGES)[number];
/** Where an asset stands for staff: partners see it (live), it ran out (expired), or it left the library. */
export const ASSET_STATUSES = ["live", "expired", "archived"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
/** What a partner filters the library by: the file's sniffed type, a link, or a co-branded template. */
export const LIBRARY_TYPES = ["pdf", "image", "zip", "link", "cobrand"] as const;
export type LibraryType = (typeof LIBRARY_TYPES)[number];

/**
 * Tags as staff type them ("pricing, EMEA") or as a list: lowercase words, trimmed, no repeats,
 * at most 20 of at most 40 characters.
 */
const tags = z
  .union([z.string().max(2_000), z.array(z.string().max(ASSET_LIMITS.tag)).max(ASSET_LIMITS.tags)])
  .default([])
  .transform((value) =>
    Array.from(
      new Set(
        (typeof value === "string" ? value.split(",") : value)
          .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ),
  )
  .pipe(
    z
      .array(z.string().max(ASSET_LIMITS.tag, { message: "assets.tagTooLong" }))
      .max(ASSET_LIMITS.tags, { message: "assets.tooManyTags" }),
  );

/** https only: a link asset is opened by partners' browsers, never as plain http or a script target. */
const linkUrl = z
  .string()
  .trim()
  .max(ASSET_LIMITS.linkUrl)
  .refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), {
    message: "assets.linkHttps",
  });

/** A date-time or a yyyy-mm-dd day (the end of that day, UTC); empty = no expiry. */
const expiresAt = z
  .union([z.date(), z.string().max(40), z.null()])
  .optional()
  .transform((value, issues) => {
    if (value === null || value === undefined || value === "") return null;
    if (value instanceof Date) return value;
    const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value;
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) {
      issues.addIssue({ code: "custom", message: "assets.expiryInvalid" });
      return z.NEVER;
    }
    return at;
  });

/** What describes an asset, whatever its kind. */
export const assetMetadataShape = {
  title: z.string().trim().min(1).max(ASSET_LIMITS.title),
  description: z.string().trim().max(ASSET_LIMITS.description).default(""),
  category: z.enum(ASSET_CATEGORIES),
  tags,
  language: z.enum(ASSET_LANGUAGES).default("any"),
  /** The lowest tier that sees it; null (or "") = every partner. */
  minTierId: z
    .union([z.uuid(), z.literal(""), z.null()])
    .default(null)
    .transform((value) => value || null),
  expiresAt,
};

export const assetMetadataInput = z.object(assetMetadataShape);
export type AssetMetadata = z.output<typeof assetMetadataInput>;

export const createLinkAssetInput = z.object({ ...assetMetadataShape, linkUrl });
export const updateAssetInput = z.object({
  assetId: z.uuid(),
  ...assetMetadataShape,
  /** For a link asset only: where it points now. */
  linkUrl: linkUrl.optional(),
});
export const assetIdInput = z.object({ assetId: z.uuid() });

/** The upload's words (the file travels beside them, as bytes): a new file asset. */
export const createFileAssetFields = assetMetadataInput;
/** A new version of an asset's file. */
export const replaceAssetFileFields = z.object({
  assetId: z.uuid(),
  note: z.string().trim().max(ASSET_LIMITS.note).default(""),
});

export const STAFF_SORTS = ["title", "createdAt", "downloads", "expiresAt"] as const;

export const listAssetsInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  category: z.enum(ASSET_CATEGORIES).optional(),
  /** A tier's id, or "everyone" for assets without a minimum. */
  minTier: z.union([z.uuid(), z.literal("everyone")]).optional(),
  language: z.enum(ASSET_LANGUAGES).optional(),
  status: z.enum(ASSET_STATUSES).optional(),
  sort: z.enum(STAFF_SORTS).default("createdAt"),
});

export const libraryInput = z.object({
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  search: z.string().trim().max(100).optional(),
  category: z.enum(ASSET_CATEGORIES).optional(),
  type: z.enum(LIBRARY_TYPES).optional(),
  /** en or ar: assets in that language and those in any language. */
  language: z.enum(["en", "ar"]).optional(),
});

/** The usage report's period: the last 7, 30, 90 or 365 days, or all time. */
export const USAGE_PERIODS = ["7d", "30d", "90d", "365d", "all"] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

export const topAssetsInput = z.object({
  period: z.enum(USAGE_PERIODS).default("30d"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
});
export const assetUsageInput = z.object({
  assetId: z.uuid(),
  period: z.enum(USAGE_PERIODS).default("30d"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
});
export const topAssetsExportInput = topAssetsInput.pick({ period: true });
export const assetUsageExportInput = assetUsageInput.pick({ assetId: true, period: true });
