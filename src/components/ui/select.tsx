"use client";

import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { fieldControlClasses } from "./field-classes";
import { useFieldControl } from "./field-control";
import { ChevronDown } from "./icons";

export type SelectProps = ComponentPropsWithRef<"select"> & {
  /** Class for the positioning wrapper (e.g. width). `className` goes on the <select>. */
  wrapperClassName?: string;
};

/** A native select with the field look; inside a FormField it takes the field's id and aria wiring. */
export function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select
        {...useFieldControl(props)}
        className={cn(fieldControlClasses, "h-9 appearance-none ps-3 pe-9", className)}
      >
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute end-3 top-1/2 -translate-y-1/2 text-neutral-500" />
    </div>
  );
}
