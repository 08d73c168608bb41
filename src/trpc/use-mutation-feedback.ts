"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useNotify } from "./notify";

/**
 * What every change made from a client component does after the server answers: confirm it and
 * re-render the server page with the new data (unless the form navigates away itself), or show
 * the (already translated) refusal.
 */
export function useMutationFeedback() {
  const router = useRouter();
  const notify = useNotify();
  return useMemo(
    () => ({
      done(title: string, { refresh = true }: { refresh?: boolean } = {}) {
        notify({ title, tone: "success" });
        if (refresh) router.refresh();
      },
      failed(error: { message: string }) {
        notify({ title: error.message, tone: "danger" });
      },
    }),
    [router, notify],
  );
}
