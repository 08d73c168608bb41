import type { ReactNode } from "react";
import { cn } from "./cn";

/** id of the error message rendered by FormField for control `id`. */
export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** id of the hint rendered by FormField for control `id`. */
export function fieldHintId(id: string): string {
  return `${id}-hint`;
}

/** Value for the control's aria-describedby (undefined when nothing to describe). */
export function fieldDescribedBy(
  id: string,
  opts: { error?: ReactNode; hint?: ReactNode },
): string | undefined {
  const ids = [opts.hint ? fieldHintId(id) : null, opts.error ? fieldErrorId(id) : null].filter(
    (v): v is string => v !== null,
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export interface FormFieldProps {
  label: ReactNode;
  htmlFor: string;
  error?: ReactNode;
  hint?: ReactNode;
  /** Shows a decorative required marker next to the label (set `required` on the control too). */
  required?: boolean;
  className?: string;
  children: ReactNode;
}

export function FormField({ label, htmlFor, error, hint, required, className, children }: FormFieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={htmlFor} className="text-sm font-medium text-neutral-900">
        {label}
        {required ? (
          <span aria-hidden="true" className="ms-0.5 text-danger-600">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={fieldHintId(htmlFor)} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={fieldErrorId(htmlFor)} role="alert" className="text-xs font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
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
