"use client";

import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { fieldControlClasses, fileControlClasses } from "./field-classes";
import { useFieldControl } from "./field-control";

export type InputProps = ComponentPropsWithRef<"input">;

/** A one-line input with the field look; inside a FormField it takes the field's id and aria wiring. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} {...useFieldControl(props)} className={cn(fieldControlClasses, "h-9 px-3", className)} />;
}

export type TextareaProps = ComponentPropsWithRef<"textarea">;

/** Multi-line text with the field look; `dir="auto"` so Arabic and English each read their own way. */
export function Textarea({ className, dir = "auto", ...props }: TextareaProps) {
  return <textarea dir={dir} {...useFieldControl(props)} className={cn(fieldControlClasses, "px-3 py-2", className)} />;
}

export type FileInputProps = Omit<ComponentPropsWithRef<"input">, "type">;

/** A file picker, wired like Input; `className` replaces its own look (e.g. the field look with a brand button). */
export function FileInput({ className, ...props }: FileInputProps) {
  return <input type="file" {...useFieldControl(props)} className={className ?? fileControlClasses} />;
}
