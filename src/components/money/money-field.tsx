import type { ReactNode } from "react";
import { cn, FormField, Input, type InputProps } from "@/components/ui";
import { MONEY_TEXT_MAX_LENGTH } from "@/lib/money";
import { CurrencySelect, type CurrencySelectProps } from "./currency-select";

interface FieldFrame {
  /** The control's id; its hint and error are `<id>-hint` and `<id>-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Marks the label and sets `required` on the control. */
  required?: boolean;
  hideLabel?: boolean;
  /** Class of the field (label, control, messages), e.g. its grid placement. */
  className?: string;
}

export type CurrencyFieldProps = FieldFrame & Omit<CurrencySelectProps, "id" | "required">;

/** A labelled CurrencySelect with its hint and error. */
export function CurrencyField({
  id,
  label,
  hint,
  error,
  required,
  hideLabel,
  className,
  ...select
}: CurrencyFieldProps) {
  return (
    <FormField
      label={label}
      htmlFor={id}
      hint={hint}
      error={error}
      required={required}
      hideLabel={hideLabel}
      className={className}
    >
      <CurrencySelect required={required} {...select} />
    </FormField>
  );
}

export type MoneyFieldProps = FieldFrame &
  Omit<InputProps, "id" | "required" | "className" | "children"> & {
    /** Class of the amount's input (its width). */
    inputClassName?: string;
    /** The currency chosen beside the amount, as its own field; absent when the amount's currency is fixed. */
    currency?: CurrencyFieldProps;
  };

/**
 * An amount as a person types it ("12,500.00"), kept as text: the server parses it in its currency's
 * minor units, never through a float. With `currency`, the CurrencyField follows as a sibling, so
 * the form's grid places the two side by side.
 */
export function MoneyField({
  id,
  label,
  hint,
  error,
  required,
  hideLabel,
  className,
  inputClassName,
  currency,
  ...input
}: MoneyFieldProps) {
  return (
    <>
      <FormField
        label={label}
        htmlFor={id}
        hint={hint}
        error={error}
        required={required}
        hideLabel={hideLabel}
        className={className}
      >
        <Input
          inputMode="decimal"
          dir="ltr"
          autoComplete="off"
          maxLength={MONEY_TEXT_MAX_LENGTH}
          required={required}
          {...input}
          className={cn("tabular-nums", inputClassName)}
        />
      </FormField>
      {currency ? <CurrencyField {...currency} /> : null}
    </>
  );
}
