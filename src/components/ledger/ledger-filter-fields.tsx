import { getTranslations } from "next-intl/server";
import { FormField, Input, Select } from "@/components/ui";
import { LEDGER_SOURCES, LEDGER_STATES } from "@/server/domains/commissions/queries";

/**
 * The ledger's filter fields (state, source, currency, date range), the same on the partner's
 * earnings page and the staff ledger; each page puts them in its own FilterBar beside its own fields.
 */
export async function LedgerFilterFields({ state, source, asset, from, to, currencies }: { state?: string; source?: string; asset?: string; from?: string; to?: string; currencies: string[] }) {
  const t = await getTranslations("ledger");
  const tc = await getTranslations("common");
  return (
    <>
      <FormField label={t("columns.state")} htmlFor="filter-state">
        <Select id="filter-state" name="state" defaultValue={state ?? ""} data-testid="state-filter">
          <option value="">{tc("all")}</option>
          {LEDGER_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("columns.source")} htmlFor="filter-source">
        <Select id="filter-source" name="source" defaultValue={source ?? ""} data-testid="source-filter">
          <option value="">{tc("all")}</option>
          {LEDGER_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("columns.currency")} htmlFor="filter-currency">
        <Select id="filter-currency" name="currency" defaultValue={asset ?? ""} data-testid="currency-filter">
          <option value="">{t("filters.anyCurrency")}</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("filters.from")} htmlFor="filter-from">
        <Input id="filter-from" name="from" type="date" defaultValue={from} max={to} data-testid="from-filter" />
      </FormField>
      <FormField label={t("filters.to")} htmlFor="filter-to">
        <Input id="filter-to" name="to" type="date" defaultValue={to} min={from} data-testid="to-filter" />
      </FormField>
    </>
  );
}
