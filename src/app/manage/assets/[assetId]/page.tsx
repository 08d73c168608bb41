import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageHeader } from "@/components/page/page-header";
import {
  Badge,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  Download,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { isUuid } from "@/lib/ids";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { AssetForm } from "../_form/asset-form";
import { FORM_CATEGORIES, FORM_LIMITS } from "../_form/limits";
import { sizeLabel } from "../size";
import { tierChoices } from "../tiers";
import { ASSET_STATUS_TONE } from "../tones";
import { ArchiveToggle, ReplaceFile } from "./asset-actions";

const loadAsset = cache(async (assetId: string) => {
  if (!isUuid(assetId)) notFound();
  return (await api()).manage.assets.get({ assetId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: { params: Promise<{ assetId: string }> }) {
  await requireStaffPage("partner_manager");
  return { title: (await loadAsset((await params).assetId)).title };
}

async function AssetPage({ params }: { params: Promise<{ assetId: string }> }) {
  await requireStaffPage("partner_manager");
  const asset = await loadAsset((await params).assetId);
  if (asset.kind === "cobrand") redirect(`/manage/assets/templates/${asset.assetId}`);
  const [t, ta, tiers, format, locale] = await Promise.all([
    getTranslations("assetsAdmin"),
    getTranslations("assets"),
    tierChoices(),
    getFormatter(),
    getLocale(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const downloadHref = `/api/assets/${asset.assetId}/download`;

  return (
    <>
      <Link href="/manage/assets" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("detail.back")}
      </Link>
      <PageHeader
        title={<span dir="auto">{asset.title}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={ASSET_STATUS_TONE[asset.status]} data-testid="asset-status">
              {t(`status.${asset.status}`)}
            </Badge>
            <span>{t(`kinds.${asset.kind}`)}</span>
            <span aria-hidden>·</span>
            <span data-testid="asset-download-count">{t("detail.downloads", { count: asset.downloadCount })}</span>
          </span>
        }
        actions={
          <>
            {asset.kind === "file" ? (
              <a href={downloadHref} className={buttonClasses("secondary")} download>
                <Download className="size-4" />
                {t("detail.download")}
              </a>
            ) : (
              <a
                href={`/api/assets/${asset.assetId}/open`}
                className={buttonClasses("secondary")}
                rel="noopener noreferrer"
                target="_blank"
              >
                {t("detail.openLink")}
              </a>
            )}
            <Link href={`/manage/assets/usage?asset=${asset.assetId}&period=all`} className={buttonClasses("ghost")}>
              {t("detail.usage")}
            </Link>
            <ArchiveToggle assetId={asset.assetId} archived={asset.archivedAt !== null} />
          </>
        }
      />

      <div className="grid gap-8 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="asset-details">
          <h2 id="asset-details" className="mb-3 text-lg font-semibold text-neutral-900">
            {t("detail.edit")}
          </h2>
          <AssetForm
            categories={FORM_CATEGORIES}
            tiers={tiers}
            limits={FORM_LIMITS}
            initial={{
              assetId: asset.assetId,
              kind: asset.kind,
              title: asset.title,
              description: asset.description,
              category: asset.category,
              tags: asset.tags,
              language: asset.language,
              minTierId: asset.minTierId,
              expiresOn: asset.expiresAt ? asset.expiresAt.toISOString().slice(0, 10) : "",
              linkUrl: asset.linkUrl,
            }}
          />
        </section>

        {asset.kind === "file" ? (
          <section aria-labelledby="asset-versions" className="flex flex-col gap-6">
            <div>
              <h2 id="asset-versions" className="mb-3 text-lg font-semibold text-neutral-900">
                {t("detail.versions")}
              </h2>
              <Table data-testid="asset-versions">
                <caption className="sr-only">{t("detail.versions")}</caption>
                <THead>
                  <TR>
                    <TH>{t("columns.version")}</TH>
                    <TH>{t("columns.file")}</TH>
                    <TH>{t("columns.uploadedBy")}</TH>
                    <TH>{t("columns.uploadedAt")}</TH>
                    <TH numeric>{t("columns.downloads")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {asset.versions.map((v) => (
                    <TR key={v.version} data-testid="asset-version">
                      <TD className="whitespace-nowrap">
                        {t("versionNumber", { version: v.version })}
                        {v.version === asset.currentVersion ? (
                          <Badge tone="brand" className="ms-2">
                            {t("detail.current")}
                          </Badge>
                        ) : null}
                      </TD>
                      <TD>
                        <a
                          href={`${downloadHref}?version=${v.version}`}
                          className="break-words text-brand-700 hover:underline"
                          dir="auto"
                          download
                        >
                          {v.fileName}
                        </a>
                        <span className="block text-xs text-muted">
                          {ta(
                            `types.${v.contentType === "application/pdf" ? "pdf" : v.contentType === "application/zip" ? "zip" : "image"}`,
                          )}
                          {" · "}
                          {sizeLabel(v.sizeBytes, locale)}
                        </span>
                        {v.note ? (
                          <span className="block text-xs text-muted" dir="auto">
                            {v.note}
                          </span>
                        ) : null}
                      </TD>
                      <TD>{v.uploadedBy ?? "—"}</TD>
                      <TD className="whitespace-nowrap">{date(v.createdAt)}</TD>
                      <TD numeric>{format.number(v.downloads)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
            <Card>
              <CardHeader as="h2" title={t("detail.replace")} description={t("detail.replaceHint")} />
              <CardBody>
                <ReplaceFile assetId={asset.assetId} maxMb={FORM_LIMITS.maxMb} />
              </CardBody>
            </Card>
          </section>
        ) : null}
      </div>
    </>
  );
}

export default withClientMessages("manage/assets/[assetId]/page", AssetPage);
