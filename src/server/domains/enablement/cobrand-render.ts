import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Locale } from "@/i18n/config";
import { messagesByLocale } from "@/i18n/config";
import { partnerLogos, partners, programSettings } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { readStoredFile } from "@/server/integrations/storage";
import { defaultLinkFor, referralUrl } from "../referrals/links";
import type { Actor } from "../actor";
import { visibleAssetOf } from "./asset-visibility";
import { cobrandTemplateOf, type CobrandTemplateRecord } from "./cobrand";
import { recordAssetDownload } from "./downloads";
import { markdownBlocks } from "./cobrand-markdown";
import { cobrandPdf, type CobrandPageContent, type PdfImage } from "./cobrand-pdf";

/** PNG and JPEG by their bytes; anything else (an SVG logo, say) is not drawn rather than failing the page. */
function rasterImage(bytes: Uint8Array | Buffer): PdfImage | null {
  const b = Buffer.from(bytes);
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { data: b, format: "png" };
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { data: b, format: "jpg" };
  return null;
}

/** The words a partner in this language gets: the Arabic text where staff wrote one, else the English. */
export function localisedText(template: CobrandTemplateRecord["template"], locale: Locale) {
  const arabic = locale === "ar" && template.headlineAr && template.bodyMarkdownAr;
  return {
    headline: arabic ? template.headlineAr! : template.headline,
    bodyMarkdown: arabic ? template.bodyMarkdownAr! : template.bodyMarkdown,
  };
}

/**
 * Everything one partner's page prints, gathered for the renderer: the template's words in the
 * partner's language, the vendor's logo, and the partner's name, logo, default referral link (made
 * on first ask) and its QR code. Kept apart from the PDF so tests can read what goes in.
 */
export async function cobrandContentFor(
  db: Db,
  record: CobrandTemplateRecord,
  partnerId: string,
  locale: Locale,
): Promise<CobrandPageContent> {
  const { asset, template } = record;
  const [partner] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new Error(`no partner ${partnerId}`);
  const [settings] = await db
    .select({ name: programSettings.name })
    .from(programSettings)
    .where(eq(programSettings.id, 1));
  const needsLink = template.showReferralLink || template.showQrCode;
  const url = needsLink ? referralUrl((await defaultLinkFor(db, partnerId)).code) : null;
  const [logoRow] = template.showPartnerLogo
    ? await db.select({ bytes: partnerLogos.bytes }).from(partnerLogos).where(eq(partnerLogos.partnerId, partnerId))
    : [];
  const vendorFile = template.vendorLogoFileId ? await readStoredFile(db, template.vendorLogoFileId) : null;
  const text = localisedText(template, locale);
  return {
    title: asset.title,
    headline: text.headline,
    blocks: markdownBlocks(text.bodyMarkdown),
    accentColor: template.accentColor,
    placement: template.partnerPlacement,
    vendorName: settings?.name ?? messagesByLocale[locale].common.appName,
    vendorLogo: vendorFile ? rasterImage(vendorFile.bytes) : null,
    partner: {
      name: partner.name,
      logo: logoRow ? rasterImage(logoRow.bytes) : null,
      referralUrl: template.showReferralLink ? url : null,
      qrDataUrl:
        template.showQrCode && url
          ? await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 256 })
          : null,
    },
  };
}

/** The partner's PDF of a template. */
export async function renderCobrand(
  db: Db,
  record: CobrandTemplateRecord,
  partnerId: string,
  locale: Locale,
): Promise<Buffer> {
  return cobrandPdf(await cobrandContentFor(db, record, partnerId, locale), locale);
}

/** The download's file name, ASCII only: "co-branded-partner-overview.pdf". */
export function cobrandFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `co-branded${slug ? `-${slug}` : ""}.pdf`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partner staff preview a template for: the one asked for, else the first active partner by name. */
async function samplePartnerId(db: Db, asked: string | null): Promise<string | null> {
  if (asked && UUID.test(asked)) {
    const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, asked));
    if (row) return row.id;
  }
  const [first] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.status, "active"))
    .orderBy(partners.name)
    .limit(1);
  return first?.id ?? null;
}

export interface CobrandRequest {
  assetId: string;
  locale: Locale;
  /** A download is counted (a partner's only); a preview is not. */
  download: boolean;
  /** Staff only: whose page to preview. */
  samplePartnerId: string | null;
  now: Date;
}

/**
 * A co-branded PDF for whoever asks: a partner user gets their organization's page of a template
 * they may see now (the shared visibility rule; anything else is null, like a missing id), and a
 * download is counted; staff (any role) may render any template, archived or expired, for a sample
 * partner, never counted.
 */
export async function cobrandPdfFor(
  db: Db,
  actor: Actor,
  request: CobrandRequest,
): Promise<{ pdf: Buffer; fileName: string } | null> {
  if (!UUID.test(request.assetId)) return null;
  let partnerId: string | null;
  if (actor.kind === "partner") {
    const visible = await visibleAssetOf(db, actor.partnerId, request.assetId, request.now);
    if (!visible || visible.kind !== "cobrand") return null;
    partnerId = actor.partnerId;
  } else {
    partnerId = await samplePartnerId(db, request.samplePartnerId);
  }
  const record = await cobrandTemplateOf(db, request.assetId);
  if (!record || !partnerId) return null;
  const pdf = await renderCobrand(db, record, partnerId, request.locale);
  if (actor.kind === "partner" && request.download)
    await db.transaction((tx) =>
      recordAssetDownload(tx, {
        assetId: record.asset.id,
        version: null,
        partnerId: actor.partnerId,
        userId: actor.userId,
        at: request.now,
      }),
    );
  return { pdf, fileName: cobrandFileName(record.asset.title) };
}
