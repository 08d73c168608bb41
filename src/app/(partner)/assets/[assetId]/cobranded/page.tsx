import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { buttonClasses, Card, CardBody, CardHeader, ChevronStart, Download } from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { isUuid } from "@/lib/ids";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { PdfPreview } from "@/components/pdf/pdf-preview";

type Props = { params: Promise<{ assetId: string }> };

async function load(assetId: string) {
  if (!isUuid(assetId)) notFound();
  return (await api()).partner.cobrand.template({ assetId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props) {
  await requirePartnerPage();
  const { assetId } = await params;
  const template = await load(assetId).catch(() => null);
  return template ? { title: template.title } : {};
}

/**
 * A co-branded template for this partner: the first page of their PDF on screen (their name,
 * logo, referral link and QR code in their language), then the download. A template above their
 * tier, expired or archived is "not found", as by URL.
 */
async function CobrandedPage({ params }: Props) {
  await requirePartnerPage();
  const { assetId } = await params;
  const [template, t] = await Promise.all([load(assetId), getTranslations("cobrand")]);
  const file = `/api/assets/${template.assetId}/cobranded`;
  return (
    <>
      <Link href="/assets" className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" />
        {t("page.back")}
      </Link>
      <PageHeader
        title={<bdi dir="auto">{template.title}</bdi>}
        description={template.description ? <bdi dir="auto">{template.description}</bdi> : t("page.subtitle")}
        actions={
          <a href={file} download className={buttonClasses("primary", "md")} data-testid="cobrand-download">
            <Download className="size-4" />
            {t("page.download")}
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="preview-title" className="min-w-0">
          <h2 id="preview-title" className="mb-2 text-sm font-semibold text-neutral-900">
            {t("page.previewTitle")}
          </h2>
          <div className="mx-auto max-w-xl">
            <PdfPreview src={`${file}?preview=1`} label={t("page.previewLabel", { title: template.headline })} />
          </div>
        </section>
        <Card>
          <CardHeader title={t("page.whatsOnIt")} as="h2" />
          <CardBody className="space-y-4 text-sm">
            <p>{t("page.explainer")}</p>
            <dl className="space-y-3">
              <div>
                <dt className="text-muted">{t("page.headline")}</dt>
                <dd className="font-medium text-neutral-900">
                  <bdi dir="auto">{template.headline}</bdi>
                </dd>
              </div>
              {template.referralUrl ? (
                <div>
                  <dt className="text-muted">{t("page.referralLink")}</dt>
                  <dd className="break-all font-medium text-neutral-900" dir="ltr" data-testid="cobrand-referral-url">
                    {template.referralUrl}
                  </dd>
                </div>
              ) : null}
            </dl>
            {template.inPartnerLanguage ? null : (
              <p role="note" className="rounded-md border border-warning-200 bg-warning-50 p-3 text-warning-800">
                {t("page.englishOnly")}
              </p>
            )}
            <a href={file} download className={buttonClasses("secondary", "md")}>
              <Download className="size-4" />
              {t("page.download")}
            </a>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/assets/[assetId]/cobranded/page", CobrandedPage);
