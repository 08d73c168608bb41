/** Shared field look for Input/Select/Textarea. Invalid state is driven by `aria-invalid`. */
export const fieldControlClasses =
  "block w-full rounded-md border border-border-strong bg-surface text-sm text-neutral-900 shadow-xs " +
  "placeholder:text-neutral-500 transition-colors " +
  "hover:border-neutral-400 " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-neutral-500 " +
  "aria-[invalid=true]:border-danger-600 aria-[invalid=true]:focus-visible:outline-danger-600";

/** A file picker's own look (no field border): a button-like "choose file" and the file's name. */
export const fileControlClasses =
  "block w-full text-sm text-muted file:me-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 " +
  "file:text-sm file:font-medium file:text-neutral-900 hover:file:bg-neutral-50";

/** A checkbox beside its label. */
export const checkboxClasses = "mt-0.5 size-4 shrink-0 accent-brand-600";
