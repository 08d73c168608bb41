import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { widthOf } from "./tones";

export interface BudgetFigures {
  currency: string;
  allocatedMinor: bigint | null;
  requestedMinor: bigint;
  approvedMinor: bigint;
  claimedMinor: bigint;
  paidMinor: bigint;
  remainingMinor: bigint;
}

/** One figure: the amount shrinks on a phone, so "8,000.00 US$" fits two to a row. */
function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-surface p-3 shadow-xs sm:p-4" data-testid={testId}>
      <p className="text-xs text-muted sm:text-sm">{label}</p>
      <p className="mt-1 text-base font-semibold break-words text-neutral-900 tabular-nums sm:text-2xl">{value}</p>
    </div>
  );
}

/**
 * A quarter's budget in five numbers and one bar: how much of the allocation is approved, and
 * within that what is claimed and paid. Shared by the partner's page and the staff decision view.
 */
export async function BudgetSummary({ budget, testId = "mdf-budget" }: { budget: BudgetFigures; testId?: string }) {
  const [t, locale] = await Promise.all([getTranslations("mdf.budget"), getLocale()]);
  const money = (amount: bigint) => <bdi dir="ltr">{formatMoney(amount, budget.currency, locale)}</bdi>;
  const whole = budget.allocatedMinor ?? 0n;
  return (
    <div data-testid={testId} className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Figure
          label={t("allocated")}
          value={budget.allocatedMinor === null ? t("none") : money(budget.allocatedMinor)}
          testId="budget-allocated"
        />
        <Figure label={t("remaining")} value={money(budget.remainingMinor)} testId="budget-remaining" />
        <Figure label={t("requested")} value={money(budget.requestedMinor)} testId="budget-requested" />
        <Figure label={t("approved")} value={money(budget.approvedMinor)} testId="budget-approved" />
        <Figure label={t("claimed")} value={money(budget.claimedMinor)} testId="budget-claimed" />
        <Figure label={t("paid")} value={money(budget.paidMinor)} testId="budget-paid" />
      </div>
      {whole > 0n ? (
        <figure className="space-y-2">
          <div
            className="relative h-3 overflow-hidden rounded-full bg-neutral-100"
            role="img"
            aria-label={t("barLabel", {
              approved: formatMoney(budget.approvedMinor, budget.currency, locale),
              allocated: formatMoney(whole, budget.currency, locale),
            })}
          >
            <div
              className="absolute inset-y-0 start-0 bg-brand-200"
              style={{ width: widthOf(budget.approvedMinor, whole) }}
            />
            <div
              className="absolute inset-y-0 start-0 bg-brand-500"
              style={{ width: widthOf(budget.claimedMinor, whole) }}
            />
            <div
              className="absolute inset-y-0 start-0 bg-success-600"
              style={{ width: widthOf(budget.paidMinor, whole) }}
            />
          </div>
          <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-sm bg-success-600" />
              {t("paid")}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-sm bg-brand-500" />
              {t("claimed")}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-sm bg-brand-200" />
              {t("approved")}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-sm bg-neutral-100 ring-1 ring-neutral-200" />
              {t("remaining")}
            </span>
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}
