import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Badge, buttonClasses, Card, CardBody, Download, Globe } from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { isUuid } from "@/lib/ids";
import { sizeLabel } from "@/app/manage/assets/size";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { PdfPreview } from "@/components/pdf/pdf-preview";

/** The asset, read once per request; one the partner may not see is a 404 like a missing one. */
const loadAsset = cache(async (assetId: string) => {
  if (!isUuid(assetId)) notFound();
  return (await api()).partner.assets.get({ assetId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: { params: Promise<{ assetId: string }> }) {
  await requirePartnerPage();
  return { title: (await loadAsset((await params).assetId)).title };
}

async function AssetPage({ params }: { params: Promise<{ assetId: string }> }) {
  await requirePartnerPage();
  const asset = await loadAsset((await params).assetId);
  // Co-branded material is rendered for the partner on its own page.
  if (asset.kind === "cobrand") redirect(asset.href);
  const [t, tt, format, locale] = await Promise.all([
    getTranslations("assets"),
    getTranslations("tiers"),
    getFormatter(),
    getLocale(),
  ]);
  const preview = `/api/assets/${asset.assetId}/preview`;

  return (
    <>
      <Link href="/assets" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("detail.back")}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-neutral-900" dir="auto">
            {asset.title}
          </h1>
          {asset.minTierKey ? (
            <Badge tone="brand" className="mt-2">
              {t("card.minTier", {
                tier: tt.has(asset.minTierKey as never) ? tt(asset.minTierKey as never) : asset.minTierKey,
              })}
            </Badge>
          ) : null}
          {asset.description ? (
            <p className="mt-1 max-w-3xl text-sm text-muted" dir="auto">
              {asset.description}
            </p>
          ) : null}
        </div>
        {asset.kind === "link" ? (
          <a
            href={`/api/assets/${asset.assetId}/open`}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClasses("primary")}
            data-testid="asset-open"
          >
            <Globe className="size-4" />
            {t("detail.openLink")}
          </a>
        ) : (
          <a
            href={`/api/assets/${asset.assetId}/download`}
            download
            className={buttonClasses("primary")}
            data-testid="asset-download"
          >
            <Download className="size-4" />
            {t("detail.download")}
          </a>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardBody>
            <h2 className="sr-only">{t("detail.preview")}</h2>
            {asset.type === "image" ? (
              // eslint-disable-next-line @next/next/no-img-element -- a checked file route, not a static asset
              <img
                src={preview}
                alt={t("card.thumbnailAlt", { title: asset.title })}
                className="mx-auto max-h-[70vh] max-w-full rounded border border-border"
                data-testid="image-preview"
              />
            ) : asset.type === "pdf" ? (
              <div className="mx-auto w-full max-w-xl">
                <PdfPreview src={preview} label={t("detail.pdfFirstPage", { title: asset.title })} />
              </div>
            ) : asset.type === "link" ? (
              <p className="text-sm text-muted">{t("detail.linkHint")}</p>
            ) : (
              <p className="text-sm text-muted">{t("detail.noPreview")}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("detail.type")}</dt>
              <dd>{t(`types.${asset.type}`)}</dd>
              <dt className="text-muted">{t("detail.category")}</dt>
              <dd>{t(`categories.${asset.category}`)}</dd>
              <dt className="text-muted">{t("detail.language")}</dt>
              <dd>{t(`languages.${asset.language ?? "any"}`)}</dd>
              {asset.sizeBytes !== null ? (
                <>
                  <dt className="text-muted">{t("detail.size")}</dt>
                  <dd>{sizeLabel(asset.sizeBytes, locale)}</dd>
                </>
              ) : null}
              {asset.currentVersion !== null ? (
                <>
                  <dt className="text-muted">{t("detail.version")}</dt>
                  <dd>{format.number(asset.currentVersion)}</dd>
                </>
              ) : null}
              <dt className="text-muted">{t("detail.expires")}</dt>
              <dd>
                {asset.expiresAt ? format.dateTime(asset.expiresAt, { dateStyle: "medium" }) : t("detail.noExpiry")}
              </dd>
              {asset.tags.length > 0 ? (
                <>
                  <dt className="text-muted">{t("detail.tags")}</dt>
                  <dd className="flex flex-wrap gap-1">
                    {asset.tags.map((tag) => (
                      <Badge key={tag}>
                        <span dir="auto">{tag}</span>
                      </Badge>
                    ))}
                  </dd>
                </>
              ) : null}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/assets/[assetId]/page", AssetPage);
