import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { isUuid } from "@/lib/ids";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { tierChoices } from "@/app/manage/courses/_editor/editor-props";
import { TEMPLATE_LIMITS } from "../_editor/limits";
import { TemplateActions } from "../_editor/template-actions";
import { TemplateEditor, type TemplateForm } from "../_editor/template-editor";
import { TemplatePreview } from "../_editor/template-preview";

type Props = { params: Promise<{ assetId: string }> };

async function load(assetId: string) {
  if (!isUuid(assetId)) notFound();
  return (await api()).manage.cobrand.forEditing({ assetId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props) {
  const { assetId } = await params;
  if (!isUuid(assetId)) return {};
  const record = await load(assetId).catch(() => null);
  return record ? { title: record.asset.title } : {};
}

/** The template editor with its preview: what a sample partner's PDF looks like after each save. */
async function TemplateEditorPage({ params }: Props) {
  await requireStaffPage("partner_manager");
  const { assetId } = await params;
  const caller = await api();
  const [record, tiers, partners, t, format] = await Promise.all([
    load(assetId),
    tierChoices(),
    caller.manage.cobrand.previewPartners(),
    getTranslations("cobrandAdmin"),
    getFormatter(),
  ]);
  const { asset, template } = record;
  const initial: TemplateForm = {
    title: asset.title,
    description: asset.description,
    category: asset.category,
    tags: asset.tags.join(", "),
    minTierId: asset.minTierId ?? "",
    expiresOn: asset.expiresAt ? asset.expiresAt.toISOString().slice(0, 10) : "",
    headline: template.headline,
    bodyMarkdown: template.bodyMarkdown,
    headlineAr: template.headlineAr ?? "",
    bodyMarkdownAr: template.bodyMarkdownAr ?? "",
    vendorLogoFileId: template.vendorLogoFileId,
    vendorLogoName: record.vendorLogoName,
    partnerPlacement: template.partnerPlacement,
    showPartnerLogo: template.showPartnerLogo,
    showReferralLink: template.showReferralLink,
    showQrCode: template.showQrCode,
    accentColor: template.accentColor,
  };
  const archived = asset.archivedAt !== null;
  return (
    <>
      <Link href="/manage/assets" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <PageHeader
        title={<bdi dir="auto">{asset.title}</bdi>}
        description={t("editor.updated", {
          at: format.dateTime(template.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
        })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {archived ? (
              <Badge tone="neutral">{t("status.archived")}</Badge>
            ) : (
              <Badge tone="success">{t("status.live")}</Badge>
            )}
            <TemplateActions assetId={asset.id} archived={archived} />
          </div>
        }
      />
      {archived ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-warning-200 bg-warning-50 p-3 text-sm text-warning-800"
        >
          {t("archivedNotice")}
        </p>
      ) : null}
      <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TemplateEditor
          key={template.updatedAt.toISOString()}
          assetId={asset.id}
          initial={initial}
          tiers={tiers}
          limits={TEMPLATE_LIMITS}
        />
        <aside className="flex flex-col gap-4 xl:sticky xl:top-4 xl:self-start">
          <TemplatePreview assetId={asset.id} version={template.updatedAt.toISOString()} partners={partners} />
        </aside>
      </div>
    </>
  );
}

export default withClientMessages("manage/assets/templates/[assetId]/page", TemplateEditorPage);
