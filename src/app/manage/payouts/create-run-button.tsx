"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Freezes the preview as it stands into a draft run, then opens it for the second person. */
export function CreateRunButton({ cutoff, disabled }: { cutoff: string; disabled: boolean }) {
  const t = useTranslations("payoutsAdmin.create");
  const trpc = useTRPC();
  const router = useRouter();
  const { send, errors, pending } = useFormMutation(trpc.manage.payouts.create.mutationOptions(), {
    done: t("done"),
    refresh: false,
    onSuccess: ({ id }) => router.push(`/manage/payouts/${id}`),
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button loading={pending} disabled={disabled} onClick={() => send({ cutoff })} data-testid="create-run">
        {t("submit")}
      </Button>
      <FormAlert message={errors.message} />
    </div>
  );
}
