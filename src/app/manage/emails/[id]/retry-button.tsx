"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

export function RetryEmailButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const t = useTranslations("outbox");
  const retry = useMutation(
    trpc.manage.emails.retry.mutationOptions({
      onSuccess: () => feedback.done(t("requeued")),
      onError: feedback.failed,
    }),
  );
  return (
    <Button variant="secondary" loading={retry.isPending} onClick={() => retry.mutate({ id })}>
      {t("retry")}
    </Button>
  );
}
