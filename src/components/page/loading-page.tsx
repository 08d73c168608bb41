import { Skeleton, SkeletonTable } from "@/components/ui";

/** The skeleton every list page shows while its data loads. */
export function LoadingPage({ label, table = true }: { label: string; table?: boolean }) {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-2 h-8 w-56" />
      <Skeleton className="mb-6 h-4 w-80 max-w-full" />
      {table ? (
        <SkeletonTable rows={8} cols={5} label={label} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-28" />
          ))}
        </div>
      )}
    </div>
  );
}
