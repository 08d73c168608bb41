"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClasses, Dialog, FileText, FormField, X, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** What a partner may still do with a lead waiting for review: correct it, or take it back. */
export function LeadActions({ leadId, lockedBy }: { leadId: string; lockedBy?: string }) {
  const t = useTranslations("leadsPortal.detail");
  const tc = useTranslations("common");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { submit, errors, field, clear, pending } = useFormMutation(trpc.partner.leads.withdraw.mutationOptions(), {
    done: t("withdrawn"),
    onSuccess: () => setOpen(false),
  });
  function close() {
    setOpen(false);
    clear();
  }
  const onSubmit = submit((data) => ({ leadId, reason: String(data.get("reason") ?? "").trim() }));
  const error = field("reason");
  const message = errors.message && !error ? errors.message : null;
  // A suspended partner reads the lead but may not change it: both ways in are disabled, pointing at the reason.
  if (lockedBy)
    return (
      <>
        <Button variant="secondary" disabled aria-describedby={lockedBy} data-testid="edit-lead">
          <FileText className="size-4" />
          {t("edit")}
        </Button>
        <Button variant="secondary" disabled aria-describedby={lockedBy} data-testid="withdraw-lead">
          <X className="size-4" />
          {t("withdraw")}
        </Button>
      </>
    );
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
      <Dialog
        open={open}
        onClose={close}
        title={t("withdrawTitle")}
        description={t("withdrawHint")}
        closeLabel={tc("close")}
      >
        {open ? (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <FormAlert message={message} />
            <FormField label={tf("reason")} htmlFor="withdraw-reason" hint={t("withdrawReasonHint")} error={error}>
              <Textarea name="reason" rows={4} maxLength={1000} />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" variant="danger" loading={pending} data-testid="confirm-withdraw">
                {t("withdrawConfirm")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
