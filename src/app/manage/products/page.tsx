import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/content/localized-text";
import { Badge, Box, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { localized } from "@/lib/localized";
import { formatCount } from "@/lib/money";
import { PageHeader } from "@/components/page/page-header";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { EditProductButton, NewProductForm } from "./product-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogAdmin.products"))("title") };
}

async function ProductsPage() {
  await requireStaffPage("partner_manager");
  const products = await (await api()).manage.catalog.products();
  const t = await getTranslations("catalogAdmin.products");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <p
        className="mb-6 rounded-lg border border-border bg-surface-subtle px-4 py-3 text-sm text-neutral-700"
        data-testid="products-archive-note"
      >
        {t("archivedNote")}
      </p>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {products.length === 0 ? (
            <EmptyState icon={<Box className="size-6" />} title={t("empty")} description={t("emptyHint")} />
          ) : (
            <Table data-testid="products-table" aria-label={t("tableLabel")}>
              <THead>
                <TR>
                  <TH>{t("name")}</TH>
                  <TH>{t("description")}</TH>
                  <TH numeric>{t("leads")}</TH>
                  <TH>{t("status")}</TH>
                  <TH>
                    <span className="sr-only">{tc("actions")}</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {products.map((product) => {
                  // The reader's language first; the other one, when there is one, under it.
                  const name = localized(locale, product.nameEn, product.nameAr)!;
                  const other = name.lang === "en" ? product.nameAr : name.fallback ? null : product.nameEn;
                  const description = localized(locale, product.descriptionEn, product.descriptionAr);
                  return (
                    <TR key={product.id} data-testid="product-row">
                      <TD className="font-medium">
                        <LocalizedText value={name} />
                        {other ? (
                          <span
                            className="block text-xs font-normal text-muted"
                            lang={name.lang === "en" ? "ar" : "en"}
                            dir={name.lang === "en" ? "rtl" : "ltr"}
                            data-testid="product-other-name"
                          >
                            {other}
                          </span>
                        ) : null}
                      </TD>
                      <TD className="max-w-80 text-muted">
                        {description ? (
                          <span className="line-clamp-2">
                            <LocalizedText value={description} />
                          </span>
                        ) : (
                          <span className="italic">{t("noDescription")}</span>
                        )}
                      </TD>
                      <TD numeric>{formatCount(product.leadCount, locale)}</TD>
                      <TD>
                        <Badge tone={product.active ? "success" : "neutral"}>
                          {product.active ? t("active") : t("archived")}
                        </Badge>
                      </TD>
                      <TD className="text-end">
                        <EditProductButton
                          product={{
                            id: product.id,
                            name: product.nameEn,
                            description: product.descriptionEn ?? "",
                            nameAr: product.nameAr ?? "",
                            descriptionAr: product.descriptionAr ?? "",
                            active: product.active,
                          }}
                          label={name.text}
                        />
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          )}
        </div>
        <NewProductForm />
      </div>
    </>
  );
}

export default withClientMessages("manage/products/page", ProductsPage);
