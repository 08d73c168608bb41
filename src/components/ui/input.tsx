import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

/** Shared field look for Input/Select. Invalid state is driven by `aria-invalid`. */
export const fieldControlClasses =
  "block w-full rounded-md border border-border-strong bg-surface text-sm text-neutral-900 shadow-xs " +
  "placeholder:text-neutral-500 transition-colors " +
  "hover:border-neutral-400 " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-neutral-500 " +
  "aria-[invalid=true]:border-danger-600 aria-[invalid=true]:focus-visible:outline-danger-600";

export type InputProps = ComponentPropsWithRef<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} {...props} className={cn(fieldControlClasses, "h-9 px-3", className)} />;
}

export type TextareaProps = ComponentPropsWithRef<"textarea">;

/** Multi-line text with the field look; `dir="auto"` so Arabic and English each read their own way. */
export function Textarea({ className, dir = "auto", ...props }: TextareaProps) {
  return <textarea dir={dir} {...props} className={cn(fieldControlClasses, "px-3 py-2", className)} />;
}
