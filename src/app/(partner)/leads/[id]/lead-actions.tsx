"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses, Dialog, fieldDescribedBy, FileText, FormField, X, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";

/** What a partner may still do with a lead waiting for review: correct it, or take it back. */
export function LeadActions({ leadId }: { leadId: string }) {
  const t = useTranslations("leadsPortal.detail");
  const tc = useTranslations("common");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState(false);
  const { errors, fromError, clear, field } = useFormErrors();
  const withdraw = useMutation(
    trpc.leads.withdraw.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        clear();
        feedback.done(t("withdrawn"));
      },
      onError: fromError,
    }),
  );
  function close() {
    setOpen(false);
    clear();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    withdraw.mutate({ leadId, reason: String(data.get("reason") ?? "").trim() });
  }
  const error = field("reason");
  const message = errors.message && !error ? errors.message : null;
  return (
    <>
      <Link href={`/leads/${leadId}/edit`} className={buttonClasses("secondary")} data-testid="edit-lead">
        <FileText className="size-4" />
        {t("edit")}
      </Link>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="withdraw-lead">
        <X className="size-4" />
        {t("withdraw")}
      </Button>
      <Dialog open={open} onClose={close} title={t("withdrawTitle")} description={t("withdrawHint")} closeLabel={tc("close")}>
        {open ? (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormAlert message={message} />
            <FormField label={tf("reason")} htmlFor="withdraw-reason" hint={t("withdrawReasonHint")} error={error}>
              <Textarea
                id="withdraw-reason"
                name="reason"
                rows={4}
                maxLength={1000}
                aria-invalid={error ? true : undefined}
                aria-describedby={fieldDescribedBy("withdraw-reason", { hint: t("withdrawReasonHint"), error })}
              />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" variant="danger" loading={withdraw.isPending} data-testid="confirm-withdraw">
                {t("withdrawConfirm")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
