import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  AlertTriangle,
  Badge,
  Card,
  CardBody,
  CardHeader,
  Check,
  EmptyState,
  FileText,
  FormField,
  Select,
  SortableTH,
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
import { countryOptions } from "@/lib/countries";
import { countryName } from "@/lib/display";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { PAYOUT_STATES } from "@/server/domains/payouts/statements";
import { api } from "@/server/trpc/server";
import { BankDetails } from "./bank-details";
import { MethodChoice } from "./method-choice";
import { StatementLinks } from "./statement-links";
import { StripeSection } from "./stripe-card";
import { TaxDetails } from "./tax-details";
import { PAYOUT_STATE_TONE } from "./tones";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("payoutsPortal"))("title") };
}

const PATH = "/payouts";
/** A partner never sees a cancelled draft's payouts, so the filter does not offer them. */
const LISTED_STATES = PAYOUT_STATES.filter((s) => s !== "cancelled");
const SORTS = ["createdAt", "amount", "paidAt"] as const;

async function PayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePartnerPage();
  const params = await searchParams;
  const state = oneOf(param(params, "state"), LISTED_STATES);
  const sortBy = oneOf(param(params, "sort"), SORTS) ?? "createdAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc";

  const caller = await api();
  const [settings, history] = await Promise.all([
    caller.partner.payouts.settings(),
    caller.partner.payouts.list({ state, sortBy, sortDir, page: pageParam(params), pageSize: 20 }),
  ]);
  const t = await getTranslations("payoutsPortal");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  // The same rule the run preview applies: bank where allowed and saved, else an enabled Stripe account.
  const bankReady = settings.method === "bank" && settings.bankPayoutsAllowed && settings.bank !== null;
  const stripeReady = settings.stripe.accountId !== null && settings.stripe.onboardingState === "enabled";
  const paidBy = bankReady ? "bank" : stripeReady ? "stripe" : null;
  const taxMissing = settings.taxDetailsRequired && settings.tax === null;
  const showBank = settings.bankPayoutsAllowed || settings.bank !== null;
  const showTax = settings.taxDetailsRequired || settings.tax !== null;
  const returned = param(params, "stripe") === "returned";

  const sortHref = (column: (typeof SORTS)[number]) =>
    hrefWith(PATH, params, {
      sort: column === "createdAt" ? undefined : column,
      dir: sortBy === column && sortDir === "desc" ? "asc" : undefined,
      page: undefined,
    });
  const direction = (column: (typeof SORTS)[number]) => (sortBy === column ? sortDir : null);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />

      {returned ? (
        <div
          role="status"
          className="mb-6 flex gap-3 rounded-lg border border-success-200 bg-success-50 p-4 text-sm text-success-800"
          data-testid="stripe-returned"
        >
          <Check className="mt-0.5 size-5 shrink-0" />
          <div>
            <p className="font-semibold">{t("returned.title")}</p>
            <p>{t("returned.body")}</p>
          </div>
        </div>
      ) : null}

      <div
        role="status"
        data-testid="payout-readiness"
        data-ready={paidBy !== null && !taxMissing}
        className={
          paidBy !== null && !taxMissing
            ? "mb-6 flex gap-3 rounded-lg border border-border bg-surface p-4 text-sm text-neutral-800"
            : "mb-6 flex gap-3 rounded-lg border border-warning-200 bg-warning-50 p-4 text-sm text-warning-800"
        }
      >
        {paidBy !== null && !taxMissing ? (
          <Check className="mt-0.5 size-5 shrink-0 text-success-600" />
        ) : (
          <AlertTriangle className="mt-0.5 size-5 shrink-0" />
        )}
        <div>
          {paidBy !== null && !taxMissing ? (
            <p>{t(`readiness.ready.${paidBy}`)}</p>
          ) : (
            <>
              <p className="font-semibold">{t("readiness.notReady")}</p>
              <ul className="mt-1 list-disc ps-5">
                {paidBy === null ? (
                  <li>{settings.stripe.accountId ? t("readiness.finishStripe") : t("readiness.connectStripe")}</li>
                ) : null}
                {paidBy === null && settings.bankPayoutsAllowed ? <li>{t("readiness.orBank")}</li> : null}
                {taxMissing ? <li>{t("readiness.taxMissing")}</li> : null}
              </ul>
            </>
          )}
          {!settings.canEdit ? <p className="mt-1 text-muted">{t("readOnly")}</p> : null}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className={showTax ? "lg:col-span-2" : "lg:col-span-3"} data-testid="payout-method">
          <CardHeader title={t("method.title")} description={t("method.subtitle")} as="h2" />
          <CardBody className="space-y-6">
            {settings.canEdit && settings.bankPayoutsAllowed ? (
              <MethodChoice method={settings.method} hasBank={settings.bank !== null} />
            ) : (
              <p className="text-sm">
                <span className="text-muted">{t("method.current")}</span>{" "}
                <span className="font-medium">{t(`method.methods.${settings.method}`)}</span>
              </p>
            )}
            <StripeSection stripe={settings.stripe} canEdit={settings.canEdit} />
            {showBank ? (
              <section aria-labelledby="bank-title" className="space-y-3 border-t border-border pt-6">
                <div>
                  <h3 id="bank-title" className="text-sm font-semibold text-neutral-900">
                    {t("bank.title")}
                  </h3>
                  <p className="text-sm text-muted">
                    {settings.bankPayoutsAllowed ? t("bank.subtitle") : t("bank.notAllowed")}
                  </p>
                </div>
                <BankDetails
                  bank={settings.bank}
                  canEdit={settings.canEdit && settings.bankPayoutsAllowed}
                  countries={countryOptions(locale, settings.bank?.bankCountry)}
                  countryName={countryName(locale, settings.bank?.bankCountry)}
                />
              </section>
            ) : null}
          </CardBody>
        </Card>

        {showTax ? (
          <Card data-testid="tax-details">
            <CardHeader
              title={t("tax.title")}
              description={settings.taxDetailsRequired ? t("tax.required") : t("tax.subtitle")}
              as="h2"
            />
            <CardBody>
              <TaxDetails tax={settings.tax} canEdit={settings.canEdit} />
            </CardBody>
          </Card>
        ) : null}
      </div>

      <section className="mt-8" aria-labelledby="history-title">
        <h2 id="history-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("history.title")}
        </h2>
        {history.total === 0 && !state ? (
          <EmptyState
            icon={<FileText className="size-6" />}
            title={t("history.empty")}
            description={t("history.emptyHint")}
          />
        ) : (
          <>
            <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
              <FormField label={t("history.filterState")} htmlFor="payout-state-filter">
                <Select name="state" defaultValue={state ?? ""} wrapperClassName="min-w-44">
                  <option value="">{t("history.anyState")}</option>
                  {LISTED_STATES.map((s) => (
                    <option key={s} value={s}>
                      {t(`states.${s}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              {param(params, "sort") ? <input type="hidden" name="sort" value={sortBy} /> : null}
              {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
            </FilterBar>
            {history.rows.length === 0 ? (
              <EmptyState
                icon={<FileText className="size-6" />}
                title={tc("noMatches")}
                description={tc("noMatchesHint")}
              />
            ) : (
              <>
                <Table data-testid="payout-history">
                  <caption className="sr-only">{t("history.caption")}</caption>
                  <THead>
                    <TR>
                      <SortableTH
                        href={sortHref("createdAt")}
                        direction={direction("createdAt")}
                        sortHint={t("history.sortBy", { column: t("history.columns.date") })}
                      >
                        {t("history.columns.date")}
                      </SortableTH>
                      <SortableTH
                        href={sortHref("amount")}
                        direction={direction("amount")}
                        numeric
                        sortHint={t("history.sortBy", { column: t("history.columns.amount") })}
                      >
                        {t("history.columns.amount")}
                      </SortableTH>
                      <TH>{t("history.columns.state")}</TH>
                      <TH>{t("history.columns.method")}</TH>
                      <SortableTH
                        href={sortHref("paidAt")}
                        direction={direction("paidAt")}
                        sortHint={t("history.sortBy", { column: t("history.columns.paidAt") })}
                      >
                        {t("history.columns.paidAt")}
                      </SortableTH>
                      <TH numeric>{t("history.columns.commissions")}</TH>
                      <TH>{t("history.columns.statement")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {history.rows.map((row) => (
                      <TR key={row.id} data-testid="payout-row" data-state={row.state}>
                        <TD className="whitespace-nowrap">
                          <Link
                            href={`${PATH}/${row.id}`}
                            className="font-medium text-brand-700 hover:underline"
                            data-testid="payout-link"
                          >
                            {date(row.createdAt)}
                          </Link>
                        </TD>
                        <TD numeric className="whitespace-nowrap font-medium">
                          <bdi dir="ltr">{formatMoney(row.amount, row.currency, locale)}</bdi>
                        </TD>
                        <TD>
                          <Badge tone={PAYOUT_STATE_TONE[row.state]}>{t(`states.${row.state}`)}</Badge>
                        </TD>
                        <TD className="whitespace-nowrap">{t(`method.methods.${row.method}`)}</TD>
                        <TD className="whitespace-nowrap text-muted">
                          {row.paidAt ? date(row.paidAt) : t("history.notPaid")}
                        </TD>
                        <TD numeric>{format.number(row.itemCount)}</TD>
                        <TD>
                          <StatementLinks payoutId={row.id} />
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                <ListPagination
                  path={PATH}
                  params={params}
                  page={history.page}
                  pageCount={history.pageCount}
                  total={history.total}
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}

export default withClientMessages("(partner)/payouts/page", PayoutsPage);
