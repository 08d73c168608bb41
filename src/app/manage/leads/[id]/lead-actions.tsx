"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button, Check, Dialog, FormField, Input, FormAlert, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { PartnerPicker } from "@/components/partners/partner-picker";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

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

function DialogButtons({
  onCancel,
  submitLabel,
  loading,
  testId,
  danger,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  testId: string;
  danger?: boolean;
}) {
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
function TextField({
  id,
  name,
  label,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
}) {
  return (
    <FormField label={label} htmlFor={id} hint={hint} error={error} required>
      <Textarea name={name} rows={5} required maxLength={2000} />
    </FormField>
  );
}

/** A submitted form's field as text. */
const text = (data: FormData, name: string) => String(data.get(name) ?? "");

/** Each decision's form, mounted only while its dialog is open: it starts empty, without old errors. */
interface DecisionFormProps {
  leadId: string;
  /** Closes the dialog (after success, or on cancel). */
  onDone: () => void;
}

function RejectForm({ leadId, onDone }: DecisionFormProps) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.reject.mutationOptions(), {
    done: t("rejected"),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit((data) => ({ leadId, reason: text(data, "reason") }))} noValidate className="space-y-4">
      <FormAlert message={formMessage(errors, ["reason"])} />
      <TextField id="reject-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
      <DialogButtons
        onCancel={onDone}
        submitLabel={t("rejectSubmit")}
        loading={pending}
        testId="confirm-reject-lead"
        danger
      />
    </form>
  );
}

function RequestInfoForm({ leadId, onDone }: DecisionFormProps) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.requestInfo.mutationOptions(), {
    done: t("infoRequested"),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit((data) => ({ leadId, message: text(data, "message") }))} noValidate className="space-y-4">
      <FormAlert message={formMessage(errors, ["message"])} />
      <TextField id="info-message" name="message" label={tf("message")} hint={t("textHint")} error={field("message")} />
      <DialogButtons
        onCancel={onDone}
        submitLabel={t("requestInfoSubmit")}
        loading={pending}
        testId="confirm-request-info"
      />
    </form>
  );
}

function ReassignForm({ leadId, partnerId, onDone }: DecisionFormProps & { partnerId: string }) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.reassign.mutationOptions(), {
    done: t("reassigned"),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={submit((data) => ({ leadId, partnerId: text(data, "partnerId"), reason: text(data, "reason") }))}
      noValidate
      className="space-y-4"
    >
      <FormAlert message={formMessage(errors, ["partnerId", "reason"])} />
      <FormField label={tf("partnerId")} htmlFor="reassign-partner" error={field("partnerId")} required>
        <PartnerPicker name="partnerId" activeOnly exclude={partnerId} />
      </FormField>
      <TextField id="reassign-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
      <DialogButtons onCancel={onDone} submitLabel={t("reassignSubmit")} loading={pending} testId="confirm-reassign" />
    </form>
  );
}

function LostForm({ leadId, onDone }: DecisionFormProps) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.markLost.mutationOptions(), {
    done: t("lost"),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit((data) => ({ leadId, reason: text(data, "reason") }))} noValidate className="space-y-4">
      <FormAlert message={formMessage(errors, ["reason"])} />
      <TextField id="lost-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
      <DialogButtons onCancel={onDone} submitLabel={t("lostSubmit")} loading={pending} testId="confirm-lost" danger />
    </form>
  );
}

function CorrectDealForm({ leadId, onDone }: DecisionFormProps) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.correctDeal.mutationOptions(), {
    done: t("corrected"),
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={submit((data) => ({ leadId, amount: text(data, "amount"), reason: text(data, "reason") }))}
      noValidate
      className="space-y-4"
    >
      <FormAlert message={formMessage(errors, ["amount", "reason"])} />
      <MoneyField
        id="correct-amount"
        name="amount"
        label={tf("amount")}
        hint={t("amountHint")}
        error={field("amount")}
        required
      />
      <TextField id="correct-reason" name="reason" label={tf("reason")} hint={t("textHint")} error={field("reason")} />
      <DialogButtons onCancel={onDone} submitLabel={t("correctSubmit")} loading={pending} testId="confirm-correct" />
    </form>
  );
}

function WonForm({
  leadId,
  currency,
  currencies,
  today,
  onDone,
}: DecisionFormProps & { currency: string; currencies: string[]; today: string }) {
  const t = useTranslations("leadReview.actions");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.leads.markWon.mutationOptions(), {
    done: t("won"),
    onSuccess: onDone,
  });
  return (
    <form
      // The amount stays the text typed: the server parses it to minor units, never through a float.
      onSubmit={submit((data) => ({
        leadId,
        amount: text(data, "amount"),
        currency: text(data, "currency"),
        closedOn: text(data, "closedOn"),
      }))}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <FormAlert message={formMessage(errors, ["amount", "currency", "closedOn"])} />
      </div>
      <MoneyField
        id="won-amount"
        name="amount"
        label={tf("amount")}
        hint={t("amountHint")}
        error={field("amount")}
        required
        currency={{
          id: "won-currency",
          name: "currency",
          label: tf("currency"),
          error: field("currency"),
          required: true,
          defaultValue: currency,
          currencies,
        }}
      />
      <FormField
        label={tf("closedOn")}
        htmlFor="won-closed-on"
        error={field("closedOn")}
        required
        className="sm:col-span-2"
      >
        <Input name="closedOn" type="date" defaultValue={today} max={today} required className="w-48" />
      </FormField>
      <div className="sm:col-span-2">
        <DialogButtons onCancel={onDone} submitLabel={t("wonSubmit")} loading={pending} testId="confirm-won" />
      </div>
    </form>
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
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState<Dialogs | null>(null);
  const approve = useMutation(
    trpc.manage.leads.approve.mutationOptions({
      onSuccess: () => feedback.done(t("approved")),
      onError: (error) => feedback.failed(error),
    }),
  );

  const show = (dialog: Dialogs) => () => setOpen(dialog);
  const close = () => setOpen(null);

  const rejectDialog = (
    <ActionDialog
      label={t("reject")}
      testId="reject-lead"
      title={t("rejectTitle")}
      description={t("rejectHint")}
      open={open === "reject"}
      onOpen={show("reject")}
      onClose={close}
    >
      <RejectForm leadId={leadId} onDone={close} />
    </ActionDialog>
  );

  const infoDialog = (
    <ActionDialog
      label={t("requestInfo")}
      testId="request-info"
      title={t("requestInfoTitle")}
      description={t("requestInfoHint")}
      open={open === "info"}
      onOpen={show("info")}
      onClose={close}
    >
      <RequestInfoForm leadId={leadId} onDone={close} />
    </ActionDialog>
  );

  const reassignDialog = (
    <ActionDialog
      label={t("reassign")}
      testId="reassign-lead"
      title={t("reassignTitle")}
      description={t("reassignHint")}
      open={open === "reassign"}
      onOpen={show("reassign")}
      onClose={close}
    >
      <ReassignForm leadId={leadId} partnerId={partnerId} onDone={close} />
    </ActionDialog>
  );

  const lostDialog = (
    <ActionDialog
      label={t("markLost")}
      testId="mark-lost"
      title={t("lostTitle")}
      description={t("lostHint")}
      open={open === "lost"}
      onOpen={show("lost")}
      onClose={close}
    >
      <LostForm leadId={leadId} onDone={close} />
    </ActionDialog>
  );

  if (status === "won") {
    // A won deal can be corrected (commissions are reversed and earned again) or turn lost (clawed back).
    return (
      <div className="grid gap-2" data-testid="lead-actions">
        <ActionDialog
          label={t("correct")}
          testId="correct-deal"
          title={t("correctTitle")}
          description={t("correctHint")}
          open={open === "correct"}
          onOpen={show("correct")}
          onClose={close}
        >
          <CorrectDealForm leadId={leadId} onDone={close} />
        </ActionDialog>
        {lostDialog}
      </div>
    );
  }

  if (status === "submitted") {
    return (
      <div className="grid gap-2" data-testid="lead-actions">
        <Button
          onClick={() => approve.mutate({ leadId })}
          loading={approve.isPending}
          data-testid="approve-lead"
          className="w-full"
        >
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
      <ActionDialog
        label={t("markWon")}
        testId="mark-won"
        title={t("wonTitle")}
        description={t("wonHint")}
        open={open === "won"}
        onOpen={show("won")}
        onClose={close}
      >
        <WonForm leadId={leadId} currency={currency} currencies={currencies} today={today} onDone={close} />
      </ActionDialog>
      {lostDialog}
      {reassignDialog}
    </div>
  );
}
