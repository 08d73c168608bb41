"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import { formMessage } from "@/trpc/form-errors";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

/** Tomorrow as yyyy-mm-dd (UTC), the earliest end an override can have. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export function PlanSelect({
  partnerId,
  currentPlanId,
  plans,
}: {
  partnerId: string;
  currentPlanId: string | null;
  plans: { id: string; label: string }[];
}) {
  const t = useTranslations("plansAdmin.card");
  const trpc = useTRPC();
  const [value, setValue] = useState(currentPlanId ?? "");
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.commissions.assignPlan.mutationOptions(), {
    done: t("planAssigned"),
  });
  return (
    <form onSubmit={submit(() => (value ? { partnerId, planId: value } : null))} noValidate className="space-y-2">
      <FormAlert message={formMessage(errors, ["planId"])} />
      <FormField label={t("plan")} htmlFor="partner-plan" hint={t("planHint")} error={field("planId")}>
        <div className="flex flex-wrap items-center gap-2">
          <Select value={value} onChange={(e) => setValue(e.target.value)} wrapperClassName="min-w-48 flex-1">
            {currentPlanId ? null : <option value="">{t("noPlan")}</option>}
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.label}
              </option>
            ))}
          </Select>
          <Button
            type="submit"
            size="sm"
            variant="secondary"
            loading={pending}
            disabled={!value || value === (currentPlanId ?? "")}
            data-testid="assign-plan"
          >
            {t("assignPlan")}
          </Button>
        </div>
      </FormField>
    </form>
  );
}

export function OverrideTierButton({
  partnerId,
  partnerName,
  tiers,
}: {
  partnerId: string;
  partnerName: string;
  tiers: { id: string; label: string }[];
}) {
  const t = useTranslations("plansAdmin.card");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { submit, errors, field, setField, clear, pending } = useFormMutation(
    trpc.manage.commissions.setTierOverride.mutationOptions(),
    { done: t("overrideSet"), onSuccess: () => setOpen(false) },
  );
  const onSubmit = submit((data) => {
    const tierId = String(data.get("tierId") ?? "");
    if (!tierId) {
      setField("tierId", t("overrideTierMissing"));
      return null;
    }
    return {
      partnerId,
      tierId,
      reason: String(data.get("reason") ?? "").trim(),
      endsOn: String(data.get("endsOn") ?? ""),
    };
  });
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="open-override">
        {t("override")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("overrideTitle", { name: partnerName })}
        description={t("overrideHint")}
        closeLabel={tc("close")}
      >
        {/* Mounted only while open, so it starts empty each time. */}
        {open ? (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <FormAlert message={formMessage(errors, ["tierId", "reason", "endsOn"])} />
            <FormField label={t("overrideTier")} htmlFor="override-tier" error={field("tierId")} required>
              <Select name="tierId" defaultValue="" required>
                <option value="">{t("chooseTier")}</option>
                {tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              label={t("overrideReason")}
              htmlFor="override-reason"
              hint={t("overrideReasonHint")}
              error={field("reason")}
              required
            >
              <Textarea name="reason" rows={3} required minLength={10} maxLength={1000} />
            </FormField>
            <FormField
              label={t("overrideEnds")}
              htmlFor="override-ends"
              hint={t("overrideEndsHint")}
              error={field("endsOn")}
              required
            >
              <Input name="endsOn" type="date" required min={tomorrow()} className="w-44" />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" loading={pending} data-testid="confirm-override">
                {t("confirmOverride")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}

export function EndOverrideButton({ partnerId }: { partnerId: string }) {
  const t = useTranslations("plansAdmin.card");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const end = useMutation(
    trpc.manage.commissions.endTierOverride.mutationOptions({
      onSuccess: () => feedback.done(t("overrideEnded")),
      onError: feedback.failed,
    }),
  );
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={end.isPending}
      onClick={() => end.mutate({ partnerId })}
      data-testid="end-override"
    >
      {t("endOverride")}
    </Button>
  );
}
