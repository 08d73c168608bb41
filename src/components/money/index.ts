export { CurrencySelect, type CurrencySelectProps } from "./currency-select";
export { CurrencyField, MoneyField, type CurrencyFieldProps, type MoneyFieldProps } from "./money-field";
