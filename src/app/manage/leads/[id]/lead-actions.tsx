"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button, Check, Dialog, fieldDescribedBy, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import { PartnerPicker } from "@/components/partners/partner-picker";
import { useTRPC } from "@/lib/trpc/client";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";


/** A trigger button and its dialog; the form inside is mounted only while open, so it starts empty each time. */
function ActionDialog({
  label,
  testId,
  title,
  description,
  open,
  onOpen,
  onClose,
  children,
}: {
  label: string;
  testId: string;
  title: string;
  description: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const tc = useTranslations("common");
  return (
    <>
      <Button variant="secondary" onClick={onOpen} data-testid={testId} className="w-full">
        {label}
      </Button>
      <Dialog open={open} onClose={onClose} title={title} description={description} closeLabel={tc("close")}>
        {open ? children : null}
      </Dialog>
    </>
  );
}

function DialogButtons({ onCancel, submitLabel, loading, testId, danger }: { onCancel: () => void; submitLabel: string; loading: boolean; testId: string; danger?: boolean }) {
  const tc = useTranslations("common");
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="ghost" onClick={onCancel}>
        {tc("cancel")}
      </Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} loading={loading} data-testid={testId}>
        {submitLabel}
      </Button>
    </div>
  );
}

/** A required free-text field (reason or message) with its hint and the server's error beside it. */
function TextField({ id, name, label, hint, error }: { id: string; name: string; label: string; hint: string; error: string | undefined }) {
  return (
    <FormField label={label} htmlFor={id} hint={hint} error={error} required>
      <Textarea
        id={id}
        name={name}
        rows={5}
        required
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint, error })}
      />
    </FormField>
  );
}

/** A deal amount as typed: the server parses the text to minor units, never through a float. */
function AmountField({ id, label, hint, error }: { id: string; label: string; hint: string; error: string | undefined }) {
  return (
    <FormField label={label} htmlFor={id} hint={hint} error={error} required>
      <Input
        id={id}
        name="amount"
        inputMode="decimal"
        dir="ltr"
        required
        maxLength={24}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint, error })}
      />
    </FormField>
  );
}

type Dialogs = "reject" | "info" | "reassign" | "won" | "lost" | "correct";

/**
 * What a partner manager can decide on a lead in its current status: a submitted lead is approved,
 * rejected, questioned or reassigned; an approved one is marked won or lost, or reassigned.
 */
export function LeadActions({
  leadId,
  status,
  currency,
  partnerId,
  currencies,
  today,
}: {
  leadId: string;
  status: "submitted" | "approved" | "won";
  currency: string;
  /** The lead's own partner: not offered when reassigning. */
  partnerId: string;
  currencies: string[];
  /** Today as yyyy-mm-dd (UTC, as the server checks it). */
  today: string;
}) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const [open, setOpen] = useState<Dialogs | null>(null);

  const after = (message: string) => ({
    onSuccess: () => {
      setOpen(null);
      clear();
      feedback.done(message);
    },
    onError: fromError,
  });
  const approve = useMutation(trpc.leadReview.approve.mutationOptions({ onSuccess: () => feedback.done(t("approved")), onError: (error) => feedback.failed(error) }));
  const reject = useMutation(trpc.leadReview.reject.mutationOptions(after(t("rejected"))));
  const requestInfo = useMutation(trpc.leadReview.requestInfo.mutationOptions(after(t("infoRequested"))));
  const reassign = useMutation(trpc.leadReview.reassign.mutationOptions(after(t("reassigned"))));
  const markWon = useMutation(trpc.leadReview.markWon.mutationOptions(after(t("won"))));
  const markLost = useMutation(trpc.leadReview.markLost.mutationOptions(after(t("lost"))));
  const correctDeal = useMutation(trpc.leadReview.correctDeal.mutationOptions(after(t("corrected"))));

  const show = (dialog: Dialogs) => () => {
    clear();
    setOpen(dialog);
  };
  const close = () => {
    setOpen(null);
    clear();
  };
  /** Reads the submitted form's fields as strings. */
  const formOf = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    return (name: string) => String(data.get(name) ?? "");
  };

  const rejectDialog = (
    <ActionDialog label={t("reject")} testId="reject-lead" title={t("rejectTitle")} description={t("rejectHint")} open={open === "reject"} onOpen={show("reject")} onClose={close}>
      <form
        onSubmit={(e) => {
          const value = formOf(e);
          reject.mutate({ leadId, reason: value("reason") });
        }}
        noValidate
        className="space-y-4"
      >
        <FormAlert message={formMessage(errors, ["reason"])} />
        <TextField id="reject-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
        <DialogButtons onCancel={close} submitLabel={t("rejectSubmit")} loading={reject.isPending} testId="confirm-reject-lead" danger />
      </form>
    </ActionDialog>
  );

  const infoDialog = (
    <ActionDialog label={t("requestInfo")} testId="request-info" title={t("requestInfoTitle")} description={t("requestInfoHint")} open={open === "info"} onOpen={show("info")} onClose={close}>
      <form
        onSubmit={(e) => {
          const value = formOf(e);
          requestInfo.mutate({ leadId, message: value("message") });
        }}
        noValidate
        className="space-y-4"
      >
        <FormAlert message={formMessage(errors, ["message"])} />
        <TextField id="info-message" name="message" label={tf("message")} hint={t("textHint")} error={field("message")} />
        <DialogButtons onCancel={close} submitLabel={t("requestInfoSubmit")} loading={requestInfo.isPending} testId="confirm-request-info" />
      </form>
    </ActionDialog>
  );

  const reassignDialog = (
    <ActionDialog label={t("reassign")} testId="reassign-lead" title={t("reassignTitle")} description={t("reassignHint")} open={open === "reassign"} onOpen={show("reassign")} onClose={close}>
      <form
        onSubmit={(e) => {
          const value = formOf(e);
          reassign.mutate({ leadId, partnerId: value("partnerId"), reason: value("reason") });
        }}
        noValidate
        className="space-y-4"
      >
        <FormAlert message={formMessage(errors, ["partnerId", "reason"])} />
        <FormField label={tf("partnerId")} htmlFor="reassign-partner" error={field("partnerId")} required>
          <PartnerPicker id="reassign-partner" name="partnerId" activeOnly exclude={partnerId} invalid={Boolean(field("partnerId"))} describedBy={fieldDescribedBy("reassign-partner", { error: field("partnerId") })} />
        </FormField>
        <TextField id="reassign-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
        <DialogButtons onCancel={close} submitLabel={t("reassignSubmit")} loading={reassign.isPending} testId="confirm-reassign" />
      </form>
    </ActionDialog>
  );

  const lostDialog = (
    <ActionDialog label={t("markLost")} testId="mark-lost" title={t("lostTitle")} description={t("lostHint")} open={open === "lost"} onOpen={show("lost")} onClose={close}>
      <form
        onSubmit={(e) => {
          const value = formOf(e);
          markLost.mutate({ leadId, reason: value("reason") });
        }}
        noValidate
        className="space-y-4"
      >
        <FormAlert message={formMessage(errors, ["reason"])} />
        <TextField id="lost-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
        <DialogButtons onCancel={close} submitLabel={t("lostSubmit")} loading={markLost.isPending} testId="confirm-lost" danger />
      </form>
    </ActionDialog>
  );

  if (status === "won") {
    // A won deal can be corrected (commissions are reversed and earned again) or turn lost (clawed back).
    return (
      <div className="grid gap-2" data-testid="lead-actions">
        <ActionDialog label={t("correct")} testId="correct-deal" title={t("correctTitle")} description={t("correctHint")} open={open === "correct"} onOpen={show("correct")} onClose={close}>
          <form
            onSubmit={(e) => {
              const value = formOf(e);
              correctDeal.mutate({ leadId, amount: value("amount"), reason: value("reason") });
            }}
            noValidate
            className="space-y-4"
          >
            <FormAlert message={formMessage(errors, ["amount", "reason"])} />
            <AmountField id="correct-amount" label={tf("amount")} hint={t("amountHint")} error={field("amount")} />
            <TextField id="correct-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
            <DialogButtons onCancel={close} submitLabel={t("correctSubmit")} loading={correctDeal.isPending} testId="confirm-correct" />
          </form>
        </ActionDialog>
        {lostDialog}
      </div>
    );
  }

  if (status === "submitted") {
    return (
      <div className="grid gap-2" data-testid="lead-actions">
        <Button onClick={() => approve.mutate({ leadId })} loading={approve.isPending} data-testid="approve-lead" className="w-full">
          <Check className="size-4" />
          {t("approve")}
        </Button>
        {rejectDialog}
        {infoDialog}
        {reassignDialog}
      </div>
    );
  }

  return (
    <div className="grid gap-2" data-testid="lead-actions">
      <ActionDialog label={t("markWon")} testId="mark-won" title={t("wonTitle")} description={t("wonHint")} open={open === "won"} onOpen={show("won")} onClose={close}>
        <form
          onSubmit={(e) => {
            const value = formOf(e);
            // The amount stays the text typed: the server parses it to minor units, never through a float.
            markWon.mutate({ leadId, amount: value("amount"), currency: value("currency"), closedOn: value("closedOn") });
          }}
          noValidate
          className="grid gap-4 sm:grid-cols-2"
        >
          <div className="sm:col-span-2">
            <FormAlert message={formMessage(errors, ["amount", "currency", "closedOn"])} />
          </div>
          <AmountField id="won-amount" label={tf("amount")} hint={t("amountHint")} error={field("amount")} />
          <FormField label={tf("currency")} htmlFor="won-currency" error={field("currency")} required>
            <Select
              id="won-currency"
              name="currency"
              defaultValue={currency}
              required
              aria-invalid={field("currency") ? true : undefined}
              aria-describedby={fieldDescribedBy("won-currency", { error: field("currency") })}
            >
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={tf("closedOn")} htmlFor="won-closed-on" error={field("closedOn")} required className="sm:col-span-2">
            <Input
              id="won-closed-on"
              name="closedOn"
              type="date"
              defaultValue={today}
              max={today}
              required
              className="w-48"
              aria-invalid={field("closedOn") ? true : undefined}
              aria-describedby={fieldDescribedBy("won-closed-on", { error: field("closedOn") })}
            />
          </FormField>
          <div className="sm:col-span-2">
            <DialogButtons onCancel={close} submitLabel={t("wonSubmit")} loading={markWon.isPending} testId="confirm-won" />
          </div>
        </form>
      </ActionDialog>
      {lostDialog}
      {reassignDialog}
    </div>
  );
}
