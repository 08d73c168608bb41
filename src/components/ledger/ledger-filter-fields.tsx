import { getTranslations } from "next-intl/server";
import { FormField, Input, Select } from "@/components/ui";
import { CurrencySelect } from "@/components/money";
import { LEDGER_SOURCE_CHOICES, LEDGER_STATE_CHOICES } from "./tones";

/**
 * The ledger's filter fields (state, source, currency, date range), the same on the partner's
 * earnings page and the staff ledger; each page puts them in its own FilterBar beside its own fields.
 */
export async function LedgerFilterFields({
  state,
  source,
  asset,
  from,
  to,
  currencies,
}: {
  state?: string;
  source?: string;
  asset?: string;
  from?: string;
  to?: string;
  currencies: string[];
}) {
  const t = await getTranslations("ledger");
  const tc = await getTranslations("common");
  return (
    <>
      <FormField label={t("columns.state")} htmlFor="filter-state">
        <Select name="state" defaultValue={state ?? ""} data-testid="state-filter">
          <option value="">{tc("all")}</option>
          {LEDGER_STATE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("columns.source")} htmlFor="filter-source">
        <Select name="source" defaultValue={source ?? ""} data-testid="source-filter">
          <option value="">{tc("all")}</option>
          {LEDGER_SOURCE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("columns.currency")} htmlFor="filter-currency">
        <CurrencySelect
          name="currency"
          defaultValue={asset ?? ""}
          currencies={currencies}
          emptyLabel={t("filters.anyCurrency")}
          data-testid="currency-filter"
        />
      </FormField>
      <FormField label={t("filters.from")} htmlFor="filter-from">
        <Input name="from" type="date" defaultValue={from} max={to} data-testid="from-filter" />
      </FormField>
      <FormField label={t("filters.to")} htmlFor="filter-to">
        <Input name="to" type="date" defaultValue={to} min={from} data-testid="to-filter" />
      </FormField>
    </>
  );
}
