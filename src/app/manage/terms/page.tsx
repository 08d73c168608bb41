import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FallbackNote } from "@/components/content/localized-text";
import { Markdown } from "@/components/markdown";
import {
  Badge,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  FileText,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatCount } from "@/lib/money";
import { termsForReader } from "@/server/domains/partners/terms";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { PublishTermsForm } from "./publish-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("termsAdmin"))("title") };
}

const PATH = "/manage/terms";
const PAGE_SIZE = 10;

async function TermsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager");
  const params = await searchParams;
  // Newest first; the first row is the version partners accept now.
  const versions = await (await api()).manage.terms.list();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const current = versions[0];
  const asked = Number(param(params, "version"));
  const shown = versions.find((v) => v.version === asked) ?? current;
  const pageCount = Math.max(1, Math.ceil(versions.length / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const rows = versions.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const nextVersion = (current?.version ?? 0) + 1;
  // Staff read a version in their language too; `?lang=` switches to the other one.
  const askedLang = param(params, "lang");
  const shownText = shown ? termsForReader(shown, askedLang === "ar" || askedLang === "en" ? askedLang : locale) : null;
  return (
    <>
      <PageHeader title={t("termsAdmin.title")} description={t("termsAdmin.subtitle")} />
      {shown ? (
        <Card className="mb-6">
          <CardHeader
            title={
              shown === current
                ? t("termsAdmin.currentTitle", { version: format.number(shown.version) })
                : t("termsAdmin.viewingTitle", { version: format.number(shown.version) })
            }
            description={t("termsAdmin.publishedOn", {
              date: format.dateTime(shown.publishedAt, { dateStyle: "long", timeStyle: "short" }),
            })}
            actions={shown === current ? <Badge tone="success">{t("termsAdmin.current")}</Badge> : null}
            as="h2"
          />
          <CardBody>
            <p className="mb-3 text-sm text-muted" data-testid="terms-shown-languages">
              {shown.bodyAr ? t("termsAdmin.inBoth") : t("termsAdmin.englishOnly")}
              {shown.bodyAr ? (
                <Link
                  href={hrefWith(PATH, params, { lang: shownText!.lang === "ar" ? "en" : "ar" })}
                  className="ms-2 font-medium text-brand-700 hover:underline"
                  data-testid="terms-switch-language"
                >
                  {shownText!.lang === "ar" ? t("termsAdmin.readEnglish") : t("termsAdmin.readArabic")}
                </Link>
              ) : shownText!.fallback ? (
                <FallbackNote lang={shownText!.lang} />
              ) : null}
            </p>
            <div
              className="max-h-[32rem] overflow-y-auto"
              data-testid="terms-body"
              lang={shownText!.lang}
              dir={shownText!.lang === "ar" ? "rtl" : "ltr"}
            >
              <Markdown source={shownText!.text} newTabLabel={t("termsAdmin.newTab")} />
            </div>
          </CardBody>
        </Card>
      ) : (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("termsAdmin.none")}
          description={t("termsAdmin.noneHint")}
          className="mb-6"
        />
      )}

      {versions.length > 0 ? (
        <section aria-labelledby="versions-title" className="mb-6">
          <h2 id="versions-title" className="mb-2 text-base font-semibold text-neutral-900">
            {t("termsAdmin.versions")}
          </h2>
          <Table data-testid="terms-versions-table">
            <THead>
              <TR>
                <TH>{t("termsAdmin.version")}</TH>
                <TH>{t("termsAdmin.published")}</TH>
                <TH>{t("termsAdmin.languages")}</TH>
                <TH className="text-end">{t("common.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((v) => (
                <TR key={v.id}>
                  <TD className="font-medium">
                    {t("termsAdmin.versionValue", { version: format.number(v.version) })}
                    {v === current ? (
                      <Badge tone="success" className="ms-2">
                        {t("termsAdmin.current")}
                      </Badge>
                    ) : null}
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" })}
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {v.bodyAr ? t("termsAdmin.languagesBoth") : t("termsAdmin.languagesEnglish")}
                  </TD>
                  <TD className="text-end">
                    {v === shown ? (
                      <span className="text-xs text-muted">{t("termsAdmin.viewing")}</span>
                    ) : (
                      <Link
                        href={
                          v === current
                            ? hrefWith(PATH, params, { version: undefined })
                            : hrefWith(PATH, params, { version: v.version })
                        }
                        aria-label={t("termsAdmin.viewVersion", { version: format.number(v.version) })}
                        className="text-sm font-medium text-brand-700 hover:underline"
                      >
                        {t("termsAdmin.view")}
                      </Link>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {pageCount > 1 ? (
            <ListPagination path={PATH} params={params} page={page} pageCount={pageCount} total={versions.length} />
          ) : null}
        </section>
      ) : null}

      <PublishTermsForm
        initialBody={current?.body ?? ""}
        initialBodyAr={current?.bodyAr ?? ""}
        nextVersion={formatCount(nextVersion, locale)}
      />
    </>
  );
}

export default withClientMessages("manage/terms/page", TermsPage);
