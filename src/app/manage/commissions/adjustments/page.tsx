import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, cn, EmptyState, FileText, Table, TBody, TD, TH, THead, TR, type BadgeTone } from "@/components/ui";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney, isCurrencyCode } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { listAdjustmentsInput } from "@/server/domains/commissions/queries";
import { api } from "@/server/trpc/server";
import { AdjustmentDecision, ProposeAdjustmentForm } from "./adjustment-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("commissionsAdmin.adjustments"))("title") };
}

const PATH = "/manage/commissions/adjustments";
const STATUSES = listAdjustmentsInput.shape.status.unwrap().options;
type AdjustmentStatus = (typeof STATUSES)[number];
/** The queue opens on what waits for a decision; "all" shows every status. */
const DEFAULT_STATUS = "proposed";
const STATUS_TONE: Record<AdjustmentStatus, BadgeTone> = {
  proposed: "warning",
  approved: "success",
  rejected: "danger",
};

async function AdjustmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireStaffPage("partner_manager", "finance");
  // Partner managers propose, finance decides; admins do both.
  const canPropose = me.staffRole === "admin" || me.staffRole === "partner_manager";
  const canDecide = me.staffRole === "admin" || me.staffRole === "finance";
  const params = await searchParams;
  const statusChoice = oneOf(param(params, "status"), [...STATUSES, "all"] as const) ?? DEFAULT_STATUS;
  const status = statusChoice === "all" ? undefined : statusChoice;

  const caller = await api();
  const [result, counts, settings] = await Promise.all([
    caller.manage.commissions.adjustments({ page: pageParam(params), pageSize: 25, sortDir: "desc", status }),
    Promise.all(
      STATUSES.map((s) =>
        caller.manage.commissions
          .adjustments({ page: 1, pageSize: 5, status: s })
          .then((page) => [s, page.total] as const),
      ),
    ),
    canPropose ? caller.account.programSettings() : null,
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const countOf = new Map<AdjustmentStatus | "all", number>(counts);
  countOf.set(
    "all",
    counts.reduce((sum, [, n]) => sum + n, 0),
  );
  const money = (amount: bigint, unit: string) =>
    isCurrencyCode(unit)
      ? formatMoney(amount, unit, locale)
      : t("commissionsAdmin.points", { amount: format.number(amount) });
  /** Signed: debits carry their minus sign, credits a plus. */
  const signed = (amount: bigint, unit: string) =>
    amount > 0n ? t("commissionsAdmin.adjustments.credit", { amount: money(amount, unit) }) : money(amount, unit);
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const showActions = canDecide && result.rows.some((row) => row.status === "proposed");
  const currencies = settings ? [...new Set([settings.currency, ...Intl.supportedValuesOf("currency")])].sort() : [];

  return (
    <>
      <PageHeader
        title={t("commissionsAdmin.adjustments.title")}
        description={t("commissionsAdmin.adjustments.subtitle")}
      />
      {settings ? <ProposeAdjustmentForm currencies={currencies} defaultCurrency={settings.currency} /> : null}
      <nav
        aria-label={t("commissionsAdmin.adjustments.statusTabs")}
        className="mb-4 flex flex-wrap items-center gap-2"
        data-testid="adjustment-status-tabs"
      >
        {[...STATUSES, "all" as const].map((s) => {
          const active = s === statusChoice;
          return (
            <Link
              key={s}
              href={hrefWith(PATH, params, { status: s === DEFAULT_STATUS ? undefined : s, page: undefined })}
              aria-current={active ? "page" : undefined}
              data-testid={`adjustment-tab-${s}`}
              className={cn(
                "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium transition-colors",
                active
                  ? "border-brand-600 bg-brand-50 text-brand-700"
                  : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
              )}
            >
              {t(`commissionsAdmin.adjustments.statuses.${s}`)}
              <span
                className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-100" : "bg-neutral-100")}
              >
                {format.number(countOf.get(s) ?? 0)}
              </span>
            </Link>
          );
        })}
      </nav>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("commissionsAdmin.adjustments.empty")}
          description={t("commissionsAdmin.adjustments.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="adjustments-table">
            <caption className="sr-only">{t("commissionsAdmin.adjustments.title")}</caption>
            <THead>
              <TR>
                <TH>{t("commissionsAdmin.adjustments.columns.partner")}</TH>
                <TH numeric>{t("commissionsAdmin.adjustments.columns.amount")}</TH>
                <TH>{t("commissionsAdmin.adjustments.columns.reason")}</TH>
                <TH>{t("commissionsAdmin.adjustments.columns.proposed")}</TH>
                <TH>{t("commissionsAdmin.adjustments.columns.status")}</TH>
                <TH>{t("commissionsAdmin.adjustments.columns.decided")}</TH>
                {showActions ? (
                  <TH className="text-end">
                    <span className="sr-only">{t("commissionsAdmin.adjustments.columns.actions")}</span>
                  </TH>
                ) : null}
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => {
                const amount = signed(row.amount, row.asset);
                const proposer = row.proposerName ?? t("commissionsAdmin.adjustments.unknownUser");
                return (
                  <TR key={row.id} data-testid="adjustment-row">
                    <TD>
                      <Link
                        href={`/manage/partners/${row.partnerId}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {row.partnerName}
                      </Link>
                    </TD>
                    <TD
                      numeric
                      className={cn(
                        "whitespace-nowrap font-medium",
                        row.amount < 0n ? "text-danger-700" : "text-success-700",
                      )}
                    >
                      <bdi>{amount}</bdi>
                    </TD>
                    <TD>
                      <p className="max-w-md whitespace-pre-line" dir="auto">
                        {row.reason}
                      </p>
                    </TD>
                    <TD>
                      <span className="block">
                        {row.proposedBy === me.userId
                          ? t("commissionsAdmin.adjustments.byYou", { name: proposer })
                          : proposer}
                      </span>
                      <span className="block whitespace-nowrap text-xs text-muted">{dateTime(row.proposedAt)}</span>
                    </TD>
                    <TD>
                      <Badge tone={STATUS_TONE[row.status]}>
                        {t(`commissionsAdmin.adjustments.statuses.${row.status}`)}
                      </Badge>
                    </TD>
                    <TD>
                      {row.decidedAt ? (
                        <>
                          <span className="block">
                            {row.deciderName ?? t("commissionsAdmin.adjustments.unknownUser")}
                          </span>
                          <span className="block whitespace-nowrap text-xs text-muted">{dateTime(row.decidedAt)}</span>
                          {row.decisionNote ? (
                            <p className="mt-1 max-w-xs text-xs whitespace-pre-line text-neutral-700" dir="auto">
                              {row.decisionNote}
                            </p>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-muted">{t("commissionsAdmin.adjustments.notDecided")}</span>
                      )}
                    </TD>
                    {showActions ? (
                      <TD>
                        {row.status === "proposed" ? (
                          <AdjustmentDecision adjustmentId={row.id} partnerName={row.partnerName} amount={amount} />
                        ) : null}
                      </TD>
                    ) : null}
                  </TR>
                );
              })}
            </TBody>
          </Table>
          <ListPagination
            path={PATH}
            params={params}
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
          />
        </>
      )}
    </>
  );
}

export default withClientMessages("manage/commissions/adjustments/page", AdjustmentsPage);
