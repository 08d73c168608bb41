"use client";

import { useTransition } from "react";
import { Globe, cn } from "@/components/ui";
import { switchLocaleAction } from "@/app/actions";

/**
 * Switches between English and Arabic. The whole document reloads afterwards, because the
 * language also changes <html lang dir>, which a soft refresh leaves as it was.
 */
export function LocaleSwitch({
  to,
  label,
  className,
  testId,
}: {
  to: "en" | "ar";
  label: string;
  className?: string;
  testId?: string;
}) {
  const [pending, start] = useTransition();
  return (
    <form
      action={(formData) =>
        start(async () => {
          await switchLocaleAction(formData);
          window.location.reload();
        })
      }
    >
      <input type="hidden" name="locale" value={to} />
      <button
        type="submit"
        lang={to}
        disabled={pending}
        aria-busy={pending || undefined}
        className={cn("flex items-center gap-2 text-sm", className)}
        data-testid={testId}
      >
        <Globe className="size-4" />
        {label}
      </button>
    </form>
  );
}
