import Link from "next/link";
import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronEnd, ChevronStart } from "./icons";

export type SortDirection = "asc" | "desc" | null;

export type TableProps = ComponentPropsWithRef<"table"> & {
  /** Class for the scrolling/bordered wrapper. */
  wrapperClassName?: string;
};

export function Table({ className, wrapperClassName, ...props }: TableProps) {
  return (
    <div
      className={cn(
        // "relative" keeps visually hidden labels (absolutely positioned) inside the scroller, so a wide
        // table scrolls in its frame instead of widening the page at phone width. Inline-size
        // containment stops the table's width from reaching the layout above: without it a grid or
        // flex column that holds the frame grows to the table's width (the page then scrolls
        // sideways at 390 px), whatever min-w-0 the parents have.
        "relative w-full overflow-x-auto rounded-lg border border-border bg-surface shadow-xs [contain:inline-size]",
        wrapperClassName,
      )}
    >
      <table {...props} className={cn("w-full border-collapse text-sm", className)} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentPropsWithRef<"thead">) {
  return <thead {...props} className={cn("border-b border-border bg-surface-sunken", className)} />;
}

export function TBody({ className, ...props }: ComponentPropsWithRef<"tbody">) {
  return <tbody {...props} className={cn("divide-y divide-border", className)} />;
}

export function TR({ className, ...props }: ComponentPropsWithRef<"tr">) {
  return <tr {...props} className={cn("transition-colors [tbody_&]:hover:bg-neutral-50", className)} />;
}

const thBase = "h-9 px-3 text-xs font-medium whitespace-nowrap text-muted";

export type THProps = ComponentPropsWithRef<"th"> & {
  /** Right-align (end-align) numeric columns. */
  numeric?: boolean;
};

export function TH({ className, numeric, scope = "col", ...props }: THProps) {
  return <th scope={scope} {...props} className={cn(thBase, numeric ? "text-end" : "text-start", className)} />;
}

export type TDProps = ComponentPropsWithRef<"td"> & {
  /** End-aligned, tabular numbers (amounts, counts). */
  numeric?: boolean;
};

export function TD({ className, numeric, ...props }: TDProps) {
  return (
    <td
      {...props}
      className={cn(
        "px-3 py-2 align-middle text-neutral-900",
        numeric ? "text-end tabular-nums" : "text-start",
        className,
      )}
    />
  );
}

export interface SortableTHProps {
  /** Link that applies this sort (caller decides the next direction). */
  href: string;
  /** Current sort direction of this column, or null when the table is not sorted by it. */
  direction: SortDirection;
  children: ReactNode;
  numeric?: boolean;
  className?: string;
  /** Optional translated screen-reader hint appended to the link, e.g. "Sort by name". */
  sortHint?: string;
}

export function SortableTH({ href, direction, children, numeric, className, sortHint }: SortableTHProps) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th
      scope="col"
      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
      className={cn(thBase, numeric ? "text-end" : "text-start", className)}
    >
      <Link
        href={href}
        scroll={false}
        className={cn(
          "group inline-flex items-center gap-1 rounded-sm hover:text-neutral-900",
          direction && "text-neutral-900",
          numeric && "flex-row-reverse",
        )}
      >
        {children}
        {sortHint ? <span className="sr-only">{sortHint}</span> : null}
        <Icon
          className={cn("size-3.5", direction ? "text-brand-600" : "text-neutral-400 group-hover:text-neutral-600")}
        />
      </Link>
    </th>
  );
}

export interface PaginationLabels {
  previous: string;
  next: string;
  /** Already formatted, e.g. "Page 2 of 5". */
  pageOf: string;
  /** Optional aria-label for the <nav> landmark, e.g. "Pagination". */
  nav?: string;
}

export interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
  className?: string;
}

const pageLinkClasses =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border-strong bg-surface px-2.5 text-sm font-medium text-neutral-900 shadow-xs transition-colors hover:bg-neutral-50";
const pageDisabledClasses =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border bg-surface-subtle px-2.5 text-sm font-medium text-neutral-400 cursor-not-allowed";

export function Pagination({ page, pageCount, hrefFor, labels, className }: PaginationProps) {
  const hasPrev = page > 1;
  const hasNext = page < pageCount;
  return (
    <nav aria-label={labels.nav} className={cn("flex items-center justify-between gap-3 py-3", className)}>
      <p className="text-sm text-muted tabular-nums" aria-live="polite">
        {labels.pageOf}
      </p>
      <div className="flex items-center gap-2">
        {hasPrev ? (
          <Link href={hrefFor(page - 1)} rel="prev" className={pageLinkClasses}>
            <ChevronStart />
            {labels.previous}
          </Link>
        ) : (
          <span aria-disabled="true" className={pageDisabledClasses}>
            <ChevronStart />
            {labels.previous}
          </span>
        )}
        {hasNext ? (
          <Link href={hrefFor(page + 1)} rel="next" className={pageLinkClasses}>
            {labels.next}
            <ChevronEnd />
          </Link>
        ) : (
          <span aria-disabled="true" className={pageDisabledClasses}>
            {labels.next}
            <ChevronEnd />
          </span>
        )}
      </div>
    </nav>
  );
}
