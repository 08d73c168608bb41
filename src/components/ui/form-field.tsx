"use client";

import { type ReactNode } from "react";
import { cn } from "./cn";
import { FieldControlContext } from "./field-control";
import { checkboxClasses } from "./field-classes";
import { fieldDescribedBy, fieldErrorId, fieldHintId } from "./field-ids";

export interface FormFieldProps {
  label: ReactNode;
  /** The control's id: the label points at it, and the control inside receives it. */
  htmlFor: string;
  error?: ReactNode;
  hint?: ReactNode;
  /** Shows a decorative required marker next to the label (set `required` on the control too). */
  required?: boolean;
  /** The label is read by screen readers only (a table cell's field, named by its row and column). */
  hideLabel?: boolean;
  className?: string;
  /** data-testid of the error message, where a spec looks for it by more than its id. */
  errorTestId?: string;
  /** One control (Input, Select, Textarea, FileInput, PartnerPicker…), possibly with decoration around it. */
  children: ReactNode;
}

function FieldMessages({
  id,
  hint,
  error,
  errorTestId,
  hintClassName,
}: {
  id: string;
  hint?: ReactNode;
  error?: ReactNode;
  errorTestId?: string;
  hintClassName?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={fieldHintId(id)} className={cn("text-xs text-muted", hintClassName)}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={fieldErrorId(id)} role="alert" className="text-xs font-medium text-danger-700" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * A label, one control, its hint and its error. The control receives its id, `aria-invalid` (when
 * there is an error) and `aria-describedby` (hint and error ids: `<id>-hint`, `<id>-error`) from here.
 */
export function FormField({
  label,
  htmlFor,
  error,
  hint,
  required,
  hideLabel,
  className,
  errorTestId,
  children,
}: FormFieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={htmlFor} className={hideLabel ? "sr-only" : "text-sm font-medium text-neutral-900"}>
        {label}
        {required && !hideLabel ? (
          <span aria-hidden="true" className="ms-0.5 text-danger-600">
            *
          </span>
        ) : null}
      </label>
      <FieldControlContext.Provider
        value={{
          id: htmlFor,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": fieldDescribedBy(htmlFor, { error, hint }),
        }}
      >
        {children}
      </FieldControlContext.Provider>
      <FieldMessages id={htmlFor} hint={hint} error={error} errorTestId={errorTestId} />
    </div>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  error?: ReactNode;
  hint?: ReactNode;
  name?: string;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
  required?: boolean;
  className?: string;
  labelClassName?: string;
}

/** A checkbox with its label beside it, and its hint and error below, wired like a FormField's control. */
export function CheckboxField({
  id,
  label,
  error,
  hint,
  name,
  checked,
  defaultChecked,
  onChange,
  required,
  className,
  labelClassName,
}: CheckboxFieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          required={required}
          checked={checked}
          defaultChecked={defaultChecked}
          onChange={onChange ? (e) => onChange(e.target.checked) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, { error, hint })}
          className={checkboxClasses}
        />
        <label htmlFor={id} className={cn("text-sm text-neutral-900", labelClassName)}>
          {label}
        </label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} hintClassName="ps-6" />
    </div>
  );
}

export interface ChoiceFieldsetProps {
  /** Names the group's hint and error: `<id>-hint`, `<id>-error`. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  className?: string;
  legendClassName?: string;
  children: ReactNode;
}

/** A group of radio buttons or checkboxes under one legend, described by its hint and error. */
export function ChoiceFieldset({
  id,
  legend,
  hint,
  error,
  required,
  className,
  legendClassName,
  children,
}: ChoiceFieldsetProps) {
  return (
    <fieldset aria-describedby={fieldDescribedBy(id, { error, hint })} className={className}>
      <legend className={cn("text-sm font-medium text-neutral-900", legendClassName)}>
        {legend}
        {required ? (
          <span aria-hidden="true" className="ms-0.5 text-danger-600">
            *
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={fieldHintId(id)} className="mt-0.5 mb-2 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={fieldErrorId(id)} role="alert" className="mt-1.5 text-xs font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The form's own message (a refusal no single field carries), announced to screen readers;
 * nothing when there is none.
 */
export function FormAlert({ message, className }: { message: ReactNode; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={cn("text-sm text-danger-700", className)}>
      {message}
    </p>
  );
}
