"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormField, FormAlert, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { FormCard } from "@/components/page/form-card";
import { PartnerPicker, type PartnerChoice } from "@/components/partners/partner-picker";
import { useTRPC } from "@/trpc/client";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** A partner manager proposes a signed credit or debit; it waits for finance. */
export function ProposeAdjustmentForm({
  currencies,
  defaultCurrency,
}: {
  currencies: string[];
  defaultCurrency: string;
}) {
  const t = useTranslations("commissionsAdmin.adjustments.propose");
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const [partner, setPartner] = useState<PartnerChoice | null>(null);
  const { submit, errors, field, setField, pending } = useFormMutation(
    trpc.manage.commissions.proposeAdjustment.mutationOptions(),
    {
      done: (_result, input) => t("done", { partner: partner?.id === input.partnerId ? partner.name : "" }),
      onSuccess: () => {
        setFormKey((k) => k + 1); // a fresh, empty form for the next adjustment
        setPartner(null);
      },
    },
  );
  const onSubmit = submit((data) => {
    const partnerId = String(data.get("partnerId") ?? "");
    const amount = String(data.get("amount") ?? "").trim();
    if (!partnerId) setField("partnerId", t("partnerRequired"));
    if (!amount) setField("amount", t("amountRequired"));
    if (!partnerId || !amount) return null;
    // The amount stays the decimal text typed; the server parses it in the currency's minor units.
    return {
      partnerId,
      amount,
      currency: String(data.get("currency") ?? defaultCurrency),
      reason: String(data.get("reason") ?? ""),
    };
  });
  const message = formMessage(errors, ["partnerId", "amount", "currency", "reason"]);
  return (
    <FormCard
      titleId="propose-adjustment-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={onSubmit}
      formKey={formKey}
      message={message}
      messageClassName="md:col-span-3"
      bodyClassName="grid gap-4 md:grid-cols-3"
      className="mb-6"
      footer={
        <Button type="submit" loading={pending} data-testid="propose-adjustment">
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("partner")} htmlFor="adjustment-partner" error={field("partnerId")} required>
        <PartnerPicker name="partnerId" activeOnly onChange={setPartner} />
      </FormField>
      <MoneyField
        id="adjustment-amount"
        name="amount"
        label={t("amount")}
        hint={t("amountHint")}
        error={field("amount")}
        required
        placeholder="-125.50"
        currency={{
          id: "adjustment-currency",
          name: "currency",
          label: t("currency"),
          error: field("currency"),
          required: true,
          defaultValue: defaultCurrency,
          currencies,
        }}
      />
      <FormField
        label={t("reason")}
        htmlFor="adjustment-reason"
        hint={t("reasonHint")}
        error={field("reason")}
        required
        className="md:col-span-3"
      >
        <Textarea name="reason" rows={3} required minLength={10} maxLength={2000} />
      </FormField>
    </FormCard>
  );
}

/** Finance approves (posting a payable entry) or rejects with a note; the server refuses a proposer approving their own. */
export function AdjustmentDecision({
  adjustmentId,
  partnerName,
  amount,
}: {
  adjustmentId: string;
  partnerName: string;
  amount: string;
}) {
  const t = useTranslations("commissionsAdmin.adjustments");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [rejecting, setRejecting] = useState(false);
  const approve = useMutation(
    trpc.manage.commissions.decideAdjustment.mutationOptions({
      onSuccess: () => feedback.done(t("approve.done")),
      onError: (error) => feedback.failed(error),
    }),
  );
  const reject = useFormMutation(trpc.manage.commissions.decideAdjustment.mutationOptions(), {
    done: t("reject.done"),
    onSuccess: () => setRejecting(false),
  });
  const { errors, field, clear } = reject;
  const submitReject = reject.submit((data) => ({
    adjustmentId,
    approve: false,
    note: String(data.get("note") ?? ""),
  }));
  const message = formMessage(errors, ["note"]);
  const busy = approve.isPending || reject.pending;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button
        size="sm"
        loading={approve.isPending}
        disabled={busy}
        onClick={() => approve.mutate({ adjustmentId, approve: true, note: "" })}
        data-testid="approve-adjustment"
      >
        {t("approve.submit")}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() => {
          clear();
          setRejecting(true);
        }}
        data-testid="reject-adjustment"
      >
        {t("reject.open")}
      </Button>
      <Dialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        title={t("reject.title")}
        description={t("reject.hint", { partner: partnerName, amount })}
        closeLabel={tc("close")}
      >
        <form onSubmit={submitReject} noValidate className="space-y-4">
          <FormAlert message={message} />
          <FormField label={t("reject.note")} htmlFor="reject-note" hint={t("reject.noteHint")} error={field("note")}>
            <Textarea name="note" rows={4} maxLength={2000} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setRejecting(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={reject.pending} data-testid="confirm-reject-adjustment">
              {t("reject.submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
