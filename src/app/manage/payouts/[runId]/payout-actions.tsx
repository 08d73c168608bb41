"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormAlert, FormField, Input } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Retry a failed payout: it takes back its commissions and the executor sends it again. */
export function RetryPayout({ payoutId }: { payoutId: string }) {
  const t = useTranslations("payoutsAdmin.payouts");
  const trpc = useTRPC();
  const retry = useFormMutation(trpc.manage.payouts.retry.mutationOptions(), { done: t("retried") });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        loading={retry.pending}
        onClick={() => retry.send({ payoutId })}
        data-testid="retry-payout"
      >
        {t("retry")}
      </Button>
      <FormAlert message={retry.errors.message} className="max-w-56 text-xs" />
    </span>
  );
}

/** A payment made by hand (the bank file, or without Stripe), recorded with the bank's reference. */
export function MarkPaid({ payoutId, partnerName, amount }: { payoutId: string; partnerName: string; amount: string }) {
  const t = useTranslations("payoutsAdmin.payouts");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const mark = useFormMutation(trpc.manage.payouts.markPaid.mutationOptions(), {
    done: t("markedPaid"),
    onSuccess: () => setOpen(false),
  });
  const onSubmit = mark.submit((data) => ({ payoutId, reference: String(data.get("reference") ?? "").trim() }));
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          mark.clear();
          setOpen(true);
        }}
        data-testid="mark-paid"
      >
        {t("markPaid")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("markPaidTitle")}
        description={t("markPaidHint", { partner: partnerName, amount })}
        closeLabel={tc("close")}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormAlert message={formMessage(mark.errors, ["reference"])} />
          <FormField
            label={t("reference")}
            htmlFor={`reference-${payoutId}`}
            hint={t("referenceHint")}
            error={mark.field("reference")}
            required
          >
            <Input name="reference" required minLength={3} maxLength={140} dir="ltr" autoComplete="off" />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" loading={mark.pending} data-testid="confirm-mark-paid">
              {t("markPaidSubmit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
