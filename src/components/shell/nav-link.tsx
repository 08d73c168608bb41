"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui";

/** Whether `href` is the open page or one of its parents. */
export const isUnder = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * A navigation entry that marks itself current (exact, or as the parent of the open page), unless
 * the caller, who sees the sibling entries, says which one is (`current`).
 */
export function NavLink({
  href,
  children,
  exact = false,
  current: given,
}: {
  href: string;
  children: ReactNode;
  exact?: boolean;
  current?: boolean;
}) {
  const pathname = usePathname();
  const current = given ?? (exact ? pathname === href : isUnder(pathname, href));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
        current ? "bg-brand-50 text-brand-700" : "text-muted-strong hover:bg-surface-sunken hover:text-neutral-900",
      )}
    >
      {children}
    </Link>
  );
}
