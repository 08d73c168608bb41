"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Dialog, fieldDescribedBy, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { PartnerPicker, type PartnerChoice } from "@/components/partners/partner-picker";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

/** A partner manager proposes a signed credit or debit; it waits for finance. */
export function ProposeAdjustmentForm({ currencies, defaultCurrency }: { currencies: string[]; defaultCurrency: string }) {
  const t = useTranslations("commissionsAdmin.adjustments.propose");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const [formKey, setFormKey] = useState(0);
  const [partner, setPartner] = useState<PartnerChoice | null>(null);
  const propose = useMutation(
    trpc.commissions.proposeAdjustment.mutationOptions({
      onSuccess: (_result, input) => {
        clear();
        setFormKey((k) => k + 1); // a fresh, empty form for the next adjustment
        setPartner(null);
        feedback.done(t("done", { partner: partner?.id === input.partnerId ? partner.name : "" }));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const partnerId = String(data.get("partnerId") ?? "");
    const amount = String(data.get("amount") ?? "").trim();
    let valid = true;
    if (!partnerId) {
      setField("partnerId", t("partnerRequired"));
      valid = false;
    }
    if (!amount) {
      setField("amount", t("amountRequired"));
      valid = false;
    }
    if (!valid) return;
    // The amount stays the decimal text typed; the server parses it in the currency's minor units.
    propose.mutate({ partnerId, amount, currency: String(data.get("currency") ?? defaultCurrency), reason: String(data.get("reason") ?? "") });
  }
  const message = formMessage(errors, ["partnerId", "amount", "currency", "reason"]);
  return (
    <FormCard
      titleId="propose-adjustment-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={submit}
      formKey={formKey}
      message={message}
      messageClassName="md:col-span-3"
      bodyClassName="grid gap-4 md:grid-cols-3"
      className="mb-6"
      footer={
        <Button type="submit" loading={propose.isPending} data-testid="propose-adjustment">
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("partner")} htmlFor="adjustment-partner" error={field("partnerId")} required>
        <PartnerPicker
          id="adjustment-partner"
          name="partnerId"
          activeOnly
          onChange={setPartner}
          invalid={Boolean(field("partnerId"))}
          describedBy={fieldDescribedBy("adjustment-partner", { error: field("partnerId") })}
        />
      </FormField>
      <FormField label={t("amount")} htmlFor="adjustment-amount" hint={t("amountHint")} error={field("amount")} required>
        <Input
          id="adjustment-amount"
          name="amount"
          inputMode="decimal"
          dir="ltr"
          autoComplete="off"
          maxLength={24}
          required
          placeholder="-125.50"
          aria-invalid={field("amount") ? true : undefined}
          aria-describedby={fieldDescribedBy("adjustment-amount", { hint: t("amountHint"), error: field("amount") })}
        />
      </FormField>
      <FormField label={t("currency")} htmlFor="adjustment-currency" error={field("currency")} required>
        <Select
          id="adjustment-currency"
          name="currency"
          defaultValue={defaultCurrency}
          required
          aria-invalid={field("currency") ? true : undefined}
          aria-describedby={fieldDescribedBy("adjustment-currency", { error: field("currency") })}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("reason")} htmlFor="adjustment-reason" hint={t("reasonHint")} error={field("reason")} required className="md:col-span-3">
        <Textarea
          id="adjustment-reason"
          name="reason"
          rows={3}
          required
          minLength={10}
          maxLength={2000}
          aria-invalid={field("reason") ? true : undefined}
          aria-describedby={fieldDescribedBy("adjustment-reason", { hint: t("reasonHint"), error: field("reason") })}
        />
      </FormField>
    </FormCard>
  );
}

/** Finance approves (posting a payable entry) or rejects with a note; the server refuses a proposer approving their own. */
export function AdjustmentDecision({ adjustmentId, partnerName, amount }: { adjustmentId: string; partnerName: string; amount: string }) {
  const t = useTranslations("commissionsAdmin.adjustments");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [rejecting, setRejecting] = useState(false);
  const { errors, fromError, clear, field } = useFormErrors();
  const approve = useMutation(
    trpc.commissions.decideAdjustment.mutationOptions({
      onSuccess: () => feedback.done(t("approve.done")),
      onError: (error) => feedback.failed(error),
    }),
  );
  const reject = useMutation(
    trpc.commissions.decideAdjustment.mutationOptions({
      onSuccess: () => {
        setRejecting(false);
        clear();
        feedback.done(t("reject.done"));
      },
      onError: fromError,
    }),
  );
  function submitReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    reject.mutate({ adjustmentId, approve: false, note: String(data.get("note") ?? "") });
  }
  const message = formMessage(errors, ["note"]);
  const busy = approve.isPending || reject.isPending;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button size="sm" loading={approve.isPending} disabled={busy} onClick={() => approve.mutate({ adjustmentId, approve: true, note: "" })} data-testid="approve-adjustment">
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
      <Dialog open={rejecting} onClose={() => setRejecting(false)} title={t("reject.title")} description={t("reject.hint", { partner: partnerName, amount })} closeLabel={tc("close")}>
        <form onSubmit={submitReject} noValidate className="space-y-4">
          <FormAlert message={message} />
          <FormField label={t("reject.note")} htmlFor="reject-note" hint={t("reject.noteHint")} error={field("note")}>
            <Textarea
              id="reject-note"
              name="note"
              rows={4}
              maxLength={2000}
              aria-invalid={field("note") ? true : undefined}
              aria-describedby={fieldDescribedBy("reject-note", { hint: t("reject.noteHint"), error: field("note") })}
            />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setRejecting(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={reject.isPending} data-testid="confirm-reject-adjustment">
              {t("reject.submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
