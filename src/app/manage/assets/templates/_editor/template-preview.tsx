"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField, Select } from "@/components/ui";
import { PdfPreview } from "@/components/pdf/pdf-preview";

/**
 * The template rendered for a sample partner, in either language, as that partner would get it
 * (staff renders are never counted). `version` changes on every save, so the picture follows.
 */
export function TemplatePreview({
  assetId,
  version,
  partners,
}: {
  assetId: string;
  version: string;
  partners: { id: string; name: string }[];
}) {
  const t = useTranslations("cobrandAdmin.preview");
  const [partnerId, setPartnerId] = useState(partners[0]?.id ?? "");
  const [locale, setLocale] = useState<"en" | "ar">("en");
  const query = new URLSearchParams({ preview: "1", locale, v: version });
  if (partnerId) query.set("partner", partnerId);
  const src = `/api/assets/${assetId}/cobranded?${query.toString()}`;
  return (
    <section aria-labelledby="template-preview-title" className="flex flex-col gap-3" data-testid="template-preview">
      <h2 id="template-preview-title" className="text-sm font-semibold text-neutral-900">
        {t("title")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t("partner")} htmlFor="preview-partner">
          <Select value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("language")} htmlFor="preview-locale">
          <Select value={locale} onChange={(e) => setLocale(e.target.value === "ar" ? "ar" : "en")}>
            <option value="en">English</option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </Select>
        </FormField>
      </div>
      <PdfPreview src={src} label={t("label")} />
      <a href={src} target="_blank" rel="noopener" className="text-sm text-brand-700 hover:underline">
        {t("open")}
      </a>
    </section>
  );
}
