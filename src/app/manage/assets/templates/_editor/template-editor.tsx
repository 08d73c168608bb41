"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CheckboxField,
  FileInput,
  FormAlert,
  FormField,
  Input,
  Select,
  Textarea,
  X,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

export const CATEGORIES = [
  "sales_deck",
  "case_study",
  "datasheet",
  "brand",
  "social",
  "email_template",
  "video",
  "other",
] as const;
type Category = (typeof CATEGORIES)[number];

/** What the editor holds; the page hands in the saved template (or blanks for a new one). */
export interface TemplateForm {
  title: string;
  description: string;
  category: Category;
  tags: string;
  minTierId: string;
  /** yyyy-mm-dd, or "" for never. */
  expiresOn: string;
  headline: string;
  bodyMarkdown: string;
  headlineAr: string;
  bodyMarkdownAr: string;
  vendorLogoFileId: string | null;
  vendorLogoName: string | null;
  partnerPlacement: "header" | "footer";
  showPartnerLogo: boolean;
  showReferralLink: boolean;
  showQrCode: boolean;
  accentColor: string;
}

export const BLANK_TEMPLATE: TemplateForm = {
  title: "",
  description: "",
  category: "sales_deck",
  tags: "",
  minTierId: "",
  expiresOn: "",
  headline: "",
  bodyMarkdown: "",
  headlineAr: "",
  bodyMarkdownAr: "",
  vendorLogoFileId: null,
  vendorLogoName: null,
  partnerPlacement: "footer",
  showPartnerLogo: true,
  showReferralLink: true,
  showQrCode: true,
  accentColor: "#1d4ed8",
};

export interface EditorLimits {
  title: number;
  description: number;
  headline: number;
  body: number;
}

/** The file's bytes as base64, without the data-URL prefix. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

function contentOf(form: TemplateForm) {
  return {
    title: form.title,
    description: form.description,
    category: form.category,
    tags: form.tags
      .split(/[,\s]+/)
      .map((t) => t.trim())
      .filter(Boolean),
    minTierId: form.minTierId || null,
    // The end of the chosen day, UTC: "expires on the 31st" still shows on the 31st.
    expiresAt: form.expiresOn ? new Date(`${form.expiresOn}T23:59:59Z`) : null,
    headline: form.headline,
    bodyMarkdown: form.bodyMarkdown,
    headlineAr: form.headlineAr || null,
    bodyMarkdownAr: form.bodyMarkdownAr || null,
    vendorLogoFileId: form.vendorLogoFileId,
    partnerPlacement: form.partnerPlacement,
    showPartnerLogo: form.showPartnerLogo,
    showReferralLink: form.showReferralLink,
    showQrCode: form.showQrCode,
    accentColor: form.accentColor,
  };
}

export function TemplateEditor({
  assetId,
  initial,
  tiers,
  limits,
}: {
  /** Null while a new template is written. */
  assetId: string | null;
  initial: TemplateForm;
  tiers: { id: string; label: string }[];
  limits: EditorLimits;
}) {
  const t = useTranslations("cobrandAdmin.editor");
  const tcat = useTranslations("cobrandAdmin.categories");
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const create = useFormMutation(trpc.manage.cobrand.create.mutationOptions(), {
    done: t("created"),
    refresh: false,
    onSuccess: ({ asset }) => router.push(`/manage/assets/templates/${asset.id}`),
  });
  const update = useFormMutation(trpc.manage.cobrand.update.mutationOptions(), { done: t("saved") });
  const save = assetId ? update : create;
  const upload = useFormMutation(trpc.manage.cobrand.uploadLogo.mutationOptions(), {
    done: t("logoUploaded"),
    refresh: false,
    onSuccess: ({ fileId, originalName }) =>
      setForm((f) => ({ ...f, vendorLogoFileId: fileId, vendorLogoName: originalName })),
  });
  const { field } = save;
  const uploadError =
    upload.field("contentBase64") ?? upload.field("fileName") ?? upload.field("file") ?? upload.errors.message;

  async function pickLogo(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) return;
    upload.send({ fileName: chosen.name, contentBase64: await base64Of(chosen) });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const content = contentOf(form);
    if (assetId) update.send({ ...content, assetId });
    else create.send(content);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6" data-testid="template-editor">
      <FormAlert message={Object.keys(save.errors.fields).length === 0 ? save.errors.message : null} />
      <Card>
        <CardHeader title={t("librarySection")} description={t("librarySectionHint")} as="h2" />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <FormField label={t("title")} htmlFor="title" error={field("title")} required className="sm:col-span-2">
            <Input
              value={form.title}
              maxLength={limits.title}
              required
              dir="auto"
              onChange={(e) => set("title", e.target.value)}
            />
          </FormField>
          <FormField
            label={t("description")}
            htmlFor="description"
            error={field("description")}
            className="sm:col-span-2"
          >
            <Textarea
              rows={2}
              value={form.description}
              maxLength={limits.description}
              dir="auto"
              onChange={(e) => set("description", e.target.value)}
            />
          </FormField>
          <FormField label={t("category")} htmlFor="category" error={field("category")}>
            <Select value={form.category} onChange={(e) => set("category", e.target.value as Category)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tcat(c)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("tags")} htmlFor="tags" error={field("tags")} hint={t("tagsHint")}>
            <Input value={form.tags} onChange={(e) => set("tags", e.target.value)} />
          </FormField>
          <FormField label={t("minTier")} htmlFor="minTierId" error={field("minTierId")} hint={t("minTierHint")}>
            <Select value={form.minTierId} onChange={(e) => set("minTierId", e.target.value)}>
              <option value="">{t("everyTier")}</option>
              {tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("expiresOn")} htmlFor="expiresAt" error={field("expiresAt")} hint={t("expiresHint")}>
            <Input type="date" value={form.expiresOn} onChange={(e) => set("expiresOn", e.target.value)} />
          </FormField>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("contentSection")} description={t("contentSectionHint")} as="h2" />
        <CardBody className="grid gap-5">
          <FormField label={t("headline")} htmlFor="headline" error={field("headline")} required>
            <Input
              value={form.headline}
              maxLength={limits.headline}
              required
              dir="ltr"
              onChange={(e) => set("headline", e.target.value)}
            />
          </FormField>
          <FormField
            label={t("body")}
            htmlFor="bodyMarkdown"
            error={field("bodyMarkdown")}
            hint={t("bodyHint")}
            required
          >
            <Textarea
              rows={10}
              value={form.bodyMarkdown}
              maxLength={limits.body}
              required
              dir="ltr"
              className="font-mono text-sm"
              onChange={(e) => set("bodyMarkdown", e.target.value)}
            />
          </FormField>
          <FormField label={t("headlineAr")} htmlFor="headlineAr" error={field("headlineAr")} hint={t("arabicHint")}>
            <Input
              value={form.headlineAr}
              maxLength={limits.headline}
              dir="rtl"
              lang="ar"
              onChange={(e) => set("headlineAr", e.target.value)}
            />
          </FormField>
          <FormField label={t("bodyAr")} htmlFor="bodyMarkdownAr" error={field("bodyMarkdownAr")}>
            <Textarea
              rows={8}
              value={form.bodyMarkdownAr}
              maxLength={limits.body}
              dir="rtl"
              lang="ar"
              className="font-mono text-sm"
              onChange={(e) => set("bodyMarkdownAr", e.target.value)}
            />
          </FormField>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("brandSection")} description={t("brandSectionHint")} as="h2" />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <div className="flex flex-col gap-2 sm:col-span-2">
            <FormField
              label={t("vendorLogo")}
              htmlFor="vendorLogo"
              error={uploadError ?? field("vendorLogoFileId")}
              hint={t("vendorLogoHint")}
            >
              <FileInput accept="image/png,image/jpeg" onChange={pickLogo} disabled={upload.pending} />
            </FormField>
            {form.vendorLogoFileId ? (
              <p className="flex items-center gap-2 text-sm" data-testid="vendor-logo-name">
                <span className="text-muted">{t("vendorLogoCurrent")}</span>
                <bdi className="font-medium">{form.vendorLogoName ?? t("vendorLogoUnnamed")}</bdi>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => setForm((f) => ({ ...f, vendorLogoFileId: null, vendorLogoName: null }))}
                  aria-label={t("vendorLogoRemove")}
                >
                  <X className="size-4" />
                </Button>
              </p>
            ) : null}
          </div>
          <FormField label={t("placement")} htmlFor="partnerPlacement" error={field("partnerPlacement")}>
            <Select
              value={form.partnerPlacement}
              onChange={(e) => set("partnerPlacement", e.target.value === "header" ? "header" : "footer")}
            >
              <option value="header">{t("placements.header")}</option>
              <option value="footer">{t("placements.footer")}</option>
            </Select>
          </FormField>
          <FormField label={t("accentColor")} htmlFor="accentColor" error={field("accentColor")} hint={t("accentHint")}>
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label={t("accentPicker")}
                value={/^#[0-9a-f]{6}$/i.test(form.accentColor) ? form.accentColor : "#1d4ed8"}
                onChange={(e) => set("accentColor", e.target.value)}
                className="h-9 w-12 cursor-pointer rounded border border-border"
              />
              <Input
                id="accentColor"
                value={form.accentColor}
                dir="ltr"
                onChange={(e) => set("accentColor", e.target.value)}
              />
            </div>
          </FormField>
          <CheckboxField
            id="showPartnerLogo"
            label={t("showPartnerLogo")}
            checked={form.showPartnerLogo}
            onChange={(checked) => set("showPartnerLogo", checked)}
          />
          <CheckboxField
            id="showReferralLink"
            label={t("showReferralLink")}
            checked={form.showReferralLink}
            onChange={(checked) => set("showReferralLink", checked)}
          />
          <CheckboxField
            id="showQrCode"
            label={t("showQrCode")}
            checked={form.showQrCode}
            onChange={(checked) => set("showQrCode", checked)}
          />
        </CardBody>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" loading={save.pending} data-testid="template-save">
          {assetId ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
