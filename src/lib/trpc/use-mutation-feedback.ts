"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useToast } from "@/components/ui";

/**
 * What every change made from a client component does after the server answers: confirm it and
 * re-render the server page with the new data, or show the (already translated) refusal.
 */
export function useMutationFeedback() {
  const router = useRouter();
  const { toast } = useToast();
  return useMemo(
    () => ({
      done(title: string) {
        toast({ title, tone: "success" });
        router.refresh();
      },
      failed(error: { message: string }) {
        toast({ title: error.message, tone: "danger" });
      },
    }),
    [router, toast],
  );
}
