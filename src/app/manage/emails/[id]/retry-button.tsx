"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";

export function RetryEmailButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations("outbox");
  const retry = useMutation(
    trpc.emails.retry.mutationOptions({
      onSuccess: () => {
        toast({ title: t("requeued"), tone: "success" });
        router.refresh();
      },
      onError: (error) => toast({ title: error.message, tone: "danger" }),
    }),
  );
  return (
    <Button variant="secondary" loading={retry.isPending} onClick={() => retry.mutate({ id })}>
      {t("retry")}
    </Button>
  );
}
