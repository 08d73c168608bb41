import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  AlertTriangle,
  Badge,
  Card,
  CardBody,
  ChevronStart,
  EmptyState,
  FileText,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { LEDGER_SOURCE_TONE } from "@/components/ledger/tones";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { ltr } from "@/lib/bidi";
import { StatementLinks } from "../statement-links";
import { PAYOUT_STATE_TONE } from "../tones";
import { loadStatement } from "./load";

type Props = { params: Promise<{ payoutId: string }>; searchParams: Promise<SearchParams> };

const SORTS = ["earnedAt", "amount"] as const;

/** The statement's read, with the same arguments as the page so both share one cached query. */
async function statementFor({ params, searchParams }: Props) {
  const [{ payoutId }, query] = await Promise.all([params, searchParams]);
  const sortBy = oneOf(param(query, "sort"), SORTS) ?? "earnedAt";
  const sortDir = oneOf(param(query, "dir"), ["asc", "desc"] as const) ?? "asc";
  return { query, sortBy, sortDir, ...(await loadStatement(payoutId, pageParam(query), sortBy, sortDir)) };
}

/** The tab names the payout by its amount, as its heading does. */
export async function generateMetadata(props: Props) {
  await requirePartnerPage(); // the page's guard first: others are sent away, not shown an error
  const { payout } = await statementFor(props);
  const [t, locale] = await Promise.all([getTranslations("payoutsPortal.detail"), getLocale()]);
  return { title: t("heading", { amount: ltr(formatMoney(payout.amount, payout.currency, locale)) }) };
}

/** A calendar day (yyyy-mm-dd) as a Date at its start in UTC, the time zone pages format in. */
const day = (text: string) => new Date(`${text}T00:00:00Z`);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

export default async function PayoutDetailPage(props: Props) {
  await requirePartnerPage();
  const { query, sortBy, sortDir, payout, items } = await statementFor(props);
  const t = await getTranslations("payoutsPortal");
  const tl = await getTranslations("ledger");
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const money = (amount: bigint) => <bdi dir="ltr">{formatMoney(amount, payout.currency, locale)}</bdi>;
  const path = `/payouts/${payout.id}`;
  const sortHref = (column: (typeof SORTS)[number]) =>
    hrefWith(path, query, {
      sort: column === "earnedAt" ? undefined : column,
      dir: sortBy === column && sortDir === "asc" ? "desc" : undefined,
      page: undefined,
    });
  const returnedToPayable = payout.state === "failed" || payout.state === "reversed";

  return (
    <>
      <Link href="/payouts" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900">
        <ChevronStart className="size-4" />
        {t("detail.back")}
      </Link>
      <PageHeader
        title={t("detail.heading", { amount: ltr(formatMoney(payout.amount, payout.currency, locale)) })}
        description={t("detail.subtitle", { cutoff: date(day(payout.cutoff)) })}
        actions={<StatementLinks payoutId={payout.id} size="md" labelled />}
      />

      {returnedToPayable ? (
        <div
          role="alert"
          className="mb-6 flex gap-3 rounded-lg border border-danger-200 bg-danger-50 p-4 text-sm text-danger-800"
          data-testid="payout-failure"
        >
          <AlertTriangle className="mt-0.5 size-5 shrink-0" />
          <div>
            <p className="font-semibold">
              {t(`detail.${payout.state === "failed" ? "failedTitle" : "reversedTitle"}`)}
            </p>
            {payout.failureMessage ? (
              <p dir="auto" className="mt-1">
                {payout.failureMessage}
              </p>
            ) : null}
            <p className="mt-1">{t("detail.whatNext")}</p>
          </div>
        </div>
      ) : null}

      <Card className="mb-6">
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="payout-facts">
            <Row label={t("detail.state")}>
              <Badge tone={PAYOUT_STATE_TONE[payout.state]}>{t(`states.${payout.state}`)}</Badge>
            </Row>
            <Row label={t("detail.amount")}>
              <span className="font-medium">{money(payout.amount)}</span>
            </Row>
            <Row label={t("detail.method")}>{t(`method.methods.${payout.method}`)}</Row>
            <Row label={t("detail.created")}>{date(payout.createdAt)}</Row>
            <Row label={t("detail.paidAt")}>{payout.paidAt ? date(payout.paidAt) : t("history.notPaid")}</Row>
            {payout.stripeTransferId || payout.bankReference ? (
              <Row label={t("detail.reference")}>
                <bdi dir="ltr" className="font-mono text-xs">
                  {payout.stripeTransferId ?? payout.bankReference}
                </bdi>
              </Row>
            ) : null}
          </dl>
        </CardBody>
      </Card>

      <section aria-labelledby="items-title">
        <h2 id="items-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("detail.itemsTitle")}
        </h2>
        {items.total === 0 ? (
          <EmptyState icon={<FileText className="size-6" />} title={t("detail.noItems")} />
        ) : (
          <>
            <Table data-testid="payout-items">
              <caption className="sr-only">{t("detail.itemsTitle")}</caption>
              <THead>
                <TR>
                  <SortableTH
                    href={sortHref("earnedAt")}
                    direction={sortBy === "earnedAt" ? sortDir : null}
                    sortHint={t("history.sortBy", { column: t("detail.columns.earnedAt") })}
                  >
                    {t("detail.columns.earnedAt")}
                  </SortableTH>
                  <TH>{t("detail.columns.source")}</TH>
                  <TH>{t("detail.columns.reference")}</TH>
                  <TH>{t("detail.columns.availableAt")}</TH>
                  <SortableTH
                    href={sortHref("amount")}
                    direction={sortBy === "amount" ? sortDir : null}
                    numeric
                    sortHint={t("history.sortBy", { column: t("detail.columns.amount") })}
                  >
                    {t("detail.columns.amount")}
                  </SortableTH>
                </TR>
              </THead>
              <TBody>
                {items.rows.map((item) => (
                  <TR key={item.entryId} data-testid="payout-item">
                    <TD className="whitespace-nowrap">{date(item.earnedAt)}</TD>
                    <TD>
                      <Badge tone={LEDGER_SOURCE_TONE[item.source]}>{tl(`sources.${item.source}`)}</Badge>
                    </TD>
                    <TD className="max-w-72">
                      {item.companyName && item.leadId ? (
                        <Link href={`/leads/${item.leadId}`} className="text-brand-700 hover:underline" dir="auto">
                          <bdi>{item.companyName}</bdi>
                        </Link>
                      ) : item.note ? (
                        <span dir="auto">{item.note}</span>
                      ) : (
                        <span className="text-muted">{t("detail.noReference")}</span>
                      )}
                      {item.released ? <span className="block text-xs text-muted">{t("detail.released")}</span> : null}
                    </TD>
                    <TD className="whitespace-nowrap text-muted">{date(item.availableAt)}</TD>
                    <TD
                      numeric
                      className={item.amount < 0n ? "whitespace-nowrap text-danger-700" : "whitespace-nowrap"}
                    >
                      {money(item.amount)}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <ListPagination
              path={path}
              params={query}
              page={items.page}
              pageCount={items.pageCount}
              total={items.total}
            />
          </>
        )}
      </section>
    </>
  );
}
