import { z } from "zod";
import { assetCategory, cobrandPlacement } from "@/server/db/schema";
import { STORAGE_PURPOSES } from "@/server/integrations/storage";

/** Limits a co-branded template is held to; the editor reads them from here. */
export const COBRAND_LIMITS = {
  title: 160,
  description: 1_000,
  tags: 12,
  tag: 32,
  headline: 160,
  body: 8_000,
} as const;

export const COBRAND_LOGO_MAX_BYTES = STORAGE_PURPOSES.cobrand_logo.maxBytes;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    // An empty Arabic text is no Arabic text: the English one is printed instead.
    .transform((value) => (value ? value : null));

/** Everything a template holds: the asset's library fields and the page's content. Saved whole. */
export const cobrandTemplateInput = z.object({
  title: z.string().trim().min(1).max(COBRAND_LIMITS.title),
  description: z.string().trim().max(COBRAND_LIMITS.description).default(""),
  category: z.enum(assetCategory.enumValues),
  tags: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(COBRAND_LIMITS.tag)
        .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, { message: "cobrand.tagFormat" }),
    )
    .max(COBRAND_LIMITS.tags)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  minTierId: z.uuid().nullable(),
  /** ISO date-time; null = never. */
  expiresAt: z.coerce.date().nullable().default(null),
  headline: z.string().trim().min(1).max(COBRAND_LIMITS.headline),
  bodyMarkdown: z.string().trim().min(1).max(COBRAND_LIMITS.body),
  headlineAr: optionalText(COBRAND_LIMITS.headline),
  bodyMarkdownAr: optionalText(COBRAND_LIMITS.body),
  vendorLogoFileId: z.uuid().nullable().default(null),
  partnerPlacement: z.enum(cobrandPlacement.enumValues).default("footer"),
  showPartnerLogo: z.boolean().default(true),
  showReferralLink: z.boolean().default(true),
  showQrCode: z.boolean().default(true),
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, { message: "cobrand.accentFormat" })
    .default("#1d4ed8"),
});
export type CobrandTemplateInput = z.infer<typeof cobrandTemplateInput>;

export const updateCobrandTemplateInput = cobrandTemplateInput.extend({ assetId: z.uuid() });
export type UpdateCobrandTemplateInput = z.infer<typeof updateCobrandTemplateInput>;

export const cobrandAssetInput = z.object({ assetId: z.uuid() });

/** The vendor's logo as it travels (like a lesson image): base64, held to the limit before decoding. */
export const uploadCobrandLogoInput = z.object({
  fileName: z.string().min(1, { message: "storage.badName" }).max(255, { message: "storage.badName" }),
  contentBase64: z
    .string()
    .min(1, { message: "storage.empty" })
    .max(Math.ceil((COBRAND_LOGO_MAX_BYTES * 4) / 3) + 8, { message: "cobrand.logoTooLarge" })
    .base64({ message: "storage.unreadable" }),
});
export type UploadCobrandLogoInput = z.infer<typeof uploadCobrandLogoInput>;
