"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Dialog, fieldDescribedBy, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import { formMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";

/** Tomorrow as yyyy-mm-dd (UTC), the earliest end an override can have. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export function PlanSelect({ partnerId, currentPlanId, plans }: { partnerId: string; currentPlanId: string | null; plans: { id: string; label: string }[] }) {
  const t = useTranslations("plansAdmin.card");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [value, setValue] = useState(currentPlanId ?? "");
  const { errors, fromError, clear, field } = useFormErrors();
  const assign = useMutation(
    trpc.commissions.assignPlan.mutationOptions({
      onSuccess: () => {
        clear();
        feedback.done(t("planAssigned"));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    if (value) assign.mutate({ partnerId, planId: value });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <FormAlert message={formMessage(errors, ["planId"])} />
      <FormField label={t("plan")} htmlFor="partner-plan" hint={t("planHint")} error={field("planId")}>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            id="partner-plan"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            wrapperClassName="min-w-48 flex-1"
            aria-invalid={field("planId") ? true : undefined}
            aria-describedby={fieldDescribedBy("partner-plan", { hint: t("planHint"), error: field("planId") })}
          >
            {currentPlanId ? null : <option value="">{t("noPlan")}</option>}
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.label}
              </option>
            ))}
          </Select>
          <Button type="submit" size="sm" variant="secondary" loading={assign.isPending} disabled={!value || value === (currentPlanId ?? "")} data-testid="assign-plan">
            {t("assignPlan")}
          </Button>
        </div>
      </FormField>
    </form>
  );
}

export function OverrideTierButton({ partnerId, partnerName, tiers }: { partnerId: string; partnerName: string; tiers: { id: string; label: string }[] }) {
  const t = useTranslations("plansAdmin.card");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState(false);
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const override = useMutation(
    trpc.commissions.setTierOverride.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        clear();
        feedback.done(t("overrideSet"));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const tierId = String(data.get("tierId") ?? "");
    if (!tierId) {
      setField("tierId", t("overrideTierMissing"));
      return;
    }
    override.mutate({ partnerId, tierId, reason: String(data.get("reason") ?? "").trim(), endsOn: String(data.get("endsOn") ?? "") });
  }
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="open-override">
        {t("override")}
      </Button>
      <Dialog open={open} onClose={close} title={t("overrideTitle", { name: partnerName })} description={t("overrideHint")} closeLabel={tc("close")}>
        {/* Mounted only while open, so it starts empty each time. */}
        {open ? (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormAlert message={formMessage(errors, ["tierId", "reason", "endsOn"])} />
            <FormField label={t("overrideTier")} htmlFor="override-tier" error={field("tierId")} required>
              <Select
                id="override-tier"
                name="tierId"
                defaultValue=""
                required
                aria-invalid={field("tierId") ? true : undefined}
                aria-describedby={fieldDescribedBy("override-tier", { error: field("tierId") })}
              >
                <option value="">{t("chooseTier")}</option>
                {tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("overrideReason")} htmlFor="override-reason" hint={t("overrideReasonHint")} error={field("reason")} required>
              <Textarea
                id="override-reason"
                name="reason"
                rows={3}
                required
                minLength={10}
                maxLength={1000}
                aria-invalid={field("reason") ? true : undefined}
                aria-describedby={fieldDescribedBy("override-reason", { hint: t("overrideReasonHint"), error: field("reason") })}
              />
            </FormField>
            <FormField label={t("overrideEnds")} htmlFor="override-ends" hint={t("overrideEndsHint")} error={field("endsOn")} required>
              <Input
                id="override-ends"
                name="endsOn"
                type="date"
                required
                min={tomorrow()}
                className="w-44"
                aria-invalid={field("endsOn") ? true : undefined}
                aria-describedby={fieldDescribedBy("override-ends", { hint: t("overrideEndsHint"), error: field("endsOn") })}
              />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" loading={override.isPending} data-testid="confirm-override">
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
    trpc.commissions.endTierOverride.mutationOptions({
      onSuccess: () => feedback.done(t("overrideEnded")),
      onError: feedback.failed,
    }),
  );
  return (
    <Button variant="secondary" size="sm" loading={end.isPending} onClick={() => end.mutate({ partnerId })} data-testid="end-override">
      {t("endOverride")}
    </Button>
  );
}
