import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui";

/** A GET form: filters live in the URL, so the server filters and the browser's back button works. */
export function FilterBar({
  action,
  children,
  applyLabel,
  clearLabel,
  clearHref,
}: {
  action: string;
  children: ReactNode;
  applyLabel: string;
  clearLabel: string;
  clearHref: string;
}) {
  return (
    <form
      method="get"
      action={action}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
    >
      {children}
      <div className="flex gap-2">
        <Button type="submit" size="sm">
          {applyLabel}
        </Button>
        <Link href={clearHref} className={buttonClasses("ghost", "sm")}>
          {clearLabel}
        </Link>
      </div>
    </form>
  );
}
