import { cn } from "./cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("h-4 animate-pulse rounded bg-neutral-200", className)} />;
}

export interface SkeletonTableProps {
  rows?: number;
  cols?: number;
  /** Translated screen-reader text, e.g. "Loading". */
  label?: string;
  className?: string;
}

const widths = ["w-3/4", "w-1/2", "w-2/3", "w-5/6", "w-1/3"];

export function SkeletonTable({ rows = 5, cols = 4, label, className }: SkeletonTableProps) {
  return (
    <div
      role="status"
      aria-busy="true"
      className={cn("w-full overflow-hidden rounded-lg border border-border bg-surface shadow-xs", className)}
    >
      {label ? <span className="sr-only">{label}</span> : null}
      <div className="flex h-9 items-center gap-4 border-b border-border bg-surface-sunken px-3">
        {Array.from({ length: cols }, (_, c) => (
          <Skeleton key={c} className="h-3 flex-1 bg-neutral-300/60" />
        ))}
      </div>
      <div className="divide-y divide-border">
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex h-10 items-center gap-4 px-3">
            {Array.from({ length: cols }, (_, c) => (
              <div key={c} className="flex-1">
                <Skeleton className={cn("h-3", widths[(r + c) % widths.length])} />
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
