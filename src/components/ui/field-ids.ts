import type { ReactNode } from "react";

/** id of the error message rendered by FormField for control `id`. */
export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** id of the hint rendered by FormField for control `id`. */
export function fieldHintId(id: string): string {
  return `${id}-hint`;
}

/** Value for the control's aria-describedby (undefined when nothing to describe): the hint, then the error. */
export function fieldDescribedBy(id: string, opts: { error?: ReactNode; hint?: ReactNode }): string | undefined {
  const ids = [opts.hint ? fieldHintId(id) : null, opts.error ? fieldErrorId(id) : null].filter(
    (v): v is string => v !== null,
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}
