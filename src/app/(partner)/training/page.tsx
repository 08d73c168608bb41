import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Badge,
  buttonClasses,
  Card,
  CardBody,
  Download,
  EmptyState,
  FormField,
  GraduationCap,
  Input,
  Select,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { locales } from "@/i18n/config";
import { oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requirePartnerPage } from "@/server/auth/guards";
import { CATALOGUE_STATUSES } from "@/server/domains/training/catalogue";
import { api } from "@/server/trpc/server";
import { ProgressBar } from "./progress-bar";
import { CERT_STATUS_TONE, certificateHref, PROGRESS_TONE } from "./tones";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("title") };
}

const PATH = "/training";

export default async function TrainingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePartnerPage();
  const params = await searchParams;
  const language = oneOf(param(params, "language"), locales);
  const status = oneOf(param(params, "status"), CATALOGUE_STATUSES);
  const search = param(params, "q")?.trim() || undefined;
  const caller = await api();
  const [courses, certifications] = await Promise.all([
    caller.partner.training.catalogue({ language, status, search, page: pageParam(params), pageSize: 12 }),
    caller.partner.training.myCertifications(),
  ]);
  const [t, tc, tt, format] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getTranslations("tiers"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const filtered = Boolean(language || status || search);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />

      <section aria-labelledby="courses-title">
        <h2 id="courses-title" className="sr-only">
          {t("caption")}
        </h2>
        {courses.total === 0 && !filtered ? (
          <EmptyState icon={<GraduationCap className="size-6" />} title={t("empty")} description={t("emptyHint")} />
        ) : (
          <>
            <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
              <FormField label={t("filters.search")} htmlFor="training-search">
                <Input name="q" type="search" defaultValue={search ?? ""} maxLength={200} />
              </FormField>
              <FormField label={t("filters.language")} htmlFor="training-language">
                <Select name="language" defaultValue={language ?? ""} wrapperClassName="min-w-36">
                  <option value="">{t("filters.anyLanguage")}</option>
                  {locales.map((l) => (
                    <option key={l} value={l}>
                      {tc(`languages.${l}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t("filters.status")} htmlFor="training-status">
                <Select name="status" defaultValue={status ?? ""} wrapperClassName="min-w-40">
                  <option value="">{t("filters.anyStatus")}</option>
                  {CATALOGUE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statuses.${s}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
            </FilterBar>
            {courses.rows.length === 0 ? (
              <EmptyState
                icon={<GraduationCap className="size-6" />}
                title={tc("noMatches")}
                description={tc("noMatchesHint")}
              />
            ) : (
              <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="course-cards">
                {courses.rows.map((course) => {
                  const cert = course.certification;
                  const action =
                    course.progress === "certified" ? "review" : course.progress === "inProgress" ? "continue" : "open";
                  return (
                    <li key={course.courseId} data-testid="course-card" data-progress={course.progress}>
                      <Card className="flex h-full flex-col">
                        <CardBody className="flex flex-1 flex-col gap-3">
                          <div className="flex flex-wrap items-center gap-2">
                            <Badge tone={PROGRESS_TONE[course.progress]}>{t(`statuses.${course.progress}`)}</Badge>
                            <Badge>{tc(`languages.${course.language}`)}</Badge>
                            {course.minTierKey ? (
                              <Badge tone="brand">
                                {t("card.minTier", {
                                  tier: tt.has(course.minTierKey) ? tt(course.minTierKey) : course.minTierKey,
                                })}
                              </Badge>
                            ) : null}
                          </div>
                          <h3 className="text-base font-semibold text-neutral-900" dir="auto">
                            {course.title}
                          </h3>
                          {course.summary ? (
                            <p className="line-clamp-3 text-sm text-muted" dir="auto">
                              {course.summary}
                            </p>
                          ) : null}
                          <div className="mt-auto space-y-2 text-sm">
                            <ProgressBar
                              done={course.lessonsDone}
                              total={course.lessonCount}
                              label={t("card.progressLabel", { title: course.title })}
                            />
                            <p className="text-muted">
                              {t("card.lessons", { done: course.lessonsDone, total: course.lessonCount })}
                            </p>
                            <p className="text-muted">
                              {t("card.attempts", { used: course.attemptsUsed, limit: course.attemptLimit })}
                              {course.bestScorePercent !== null
                                ? ` · ${t("card.bestScore", { score: course.bestScorePercent })}`
                                : null}
                            </p>
                            {cert ? (
                              <p className="flex flex-wrap items-center gap-2">
                                <Badge tone={CERT_STATUS_TONE[cert.status]}>{t(`certStatus.${cert.status}`)}</Badge>
                                <span className="text-muted">
                                  {cert.status === "revoked"
                                    ? t("card.revoked")
                                    : cert.status === "expired"
                                      ? t("card.expiredOn", { date: date(cert.expiresAt) })
                                      : t("card.validUntil", { date: date(cert.expiresAt) })}
                                </span>
                              </p>
                            ) : null}
                          </div>
                          <Link
                            href={`${PATH}/${course.courseId}`}
                            className={buttonClasses(action === "review" ? "secondary" : "primary", "md", "self-start")}
                            data-testid="open-course"
                          >
                            {t(`card.${action}`)}
                          </Link>
                        </CardBody>
                      </Card>
                    </li>
                  );
                })}
              </ul>
            )}
            <ListPagination
              path={PATH}
              params={params}
              page={courses.page}
              pageCount={courses.pageCount}
              total={courses.total}
            />
          </>
        )}
      </section>

      <section className="mt-10" aria-labelledby="certifications-title">
        <h2 id="certifications-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("certifications.title")}
        </h2>
        {certifications.length === 0 ? (
          <EmptyState
            icon={<GraduationCap className="size-6" />}
            title={t("certifications.empty")}
            description={t("certifications.emptyHint")}
          />
        ) : (
          <Table data-testid="my-certifications">
            <caption className="sr-only">{t("certifications.caption")}</caption>
            <THead>
              <TR>
                <TH>{t("certifications.columns.course")}</TH>
                <TH>{t("certifications.columns.code")}</TH>
                <TH>{t("certifications.columns.issued")}</TH>
                <TH>{t("certifications.columns.expires")}</TH>
                <TH>{t("certifications.columns.status")}</TH>
                <TH>{t("certifications.columns.certificate")}</TH>
              </TR>
            </THead>
            <TBody>
              {certifications.map((c) => (
                <TR key={c.id} data-testid="certification-row" data-status={c.status}>
                  <TD dir="auto">{c.courseTitle}</TD>
                  <TD className="whitespace-nowrap font-mono text-xs">
                    <Link href={`/verify/${c.code}`} className="text-brand-700 hover:underline" dir="ltr">
                      {c.code}
                    </Link>
                  </TD>
                  <TD className="whitespace-nowrap">{date(c.issuedAt)}</TD>
                  <TD className="whitespace-nowrap">{date(c.expiresAt)}</TD>
                  <TD>
                    <Badge tone={CERT_STATUS_TONE[c.status]}>{t(`certStatus.${c.status}`)}</Badge>
                  </TD>
                  <TD>
                    {c.status !== "revoked" ? (
                      <a
                        href={certificateHref(c.id)}
                        className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
                        aria-label={t("certifications.downloadFor", { course: c.courseTitle })}
                        data-testid="certificate-download"
                      >
                        <Download className="size-4" />
                        {t("certifications.download")}
                      </a>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
