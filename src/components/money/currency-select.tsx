import { Select, type SelectProps } from "@/components/ui";

export interface CurrencySelectProps extends Omit<SelectProps, "children"> {
  /** ISO 4217 codes to offer, in this order; the selected code is offered too when it is not among them. */
  currencies: readonly string[];
  /** A first choice with the value "" (the field may be left to a default, e.g. the program's currency). */
  emptyLabel?: string;
}

/** A currency chosen by its ISO code; inside a FormField it takes the field's id and aria wiring. */
export function CurrencySelect({ currencies, emptyLabel, ...props }: CurrencySelectProps) {
  const selected =
    typeof props.value === "string" ? props.value : typeof props.defaultValue === "string" ? props.defaultValue : "";
  const codes = [...new Set([selected, ...currencies])].filter(Boolean);
  return (
    <Select {...props}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {codes.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </Select>
  );
}
