"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Dialog, fieldDescribedBy, FormField, Select, useToast, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

export function ApproveApplicationForm({
  applicationId,
  company,
  email,
  tiers,
  defaultTierId,
  managers,
  defaultManagerId,
  plans,
}: {
  applicationId: string;
  company: string;
  email: string;
  tiers: { id: string; label: string }[];
  defaultTierId: string;
  managers: { id: string; name: string }[];
  defaultManagerId: string;
  /** Commission plans, the program's default first. */
  plans: { id: string; label: string; isDefault: boolean }[];
}) {
  const t = useTranslations("applications.approve");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const { errors, fromError, clear, field } = useFormErrors();
  const approve = useMutation(
    trpc.applications.approve.mutationOptions({
      onSuccess: ({ partnerId }) => {
        clear();
        toast({ title: t("done", { company }), tone: "success" });
        router.push(`/manage/partners/${partnerId}`);
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const planId = String(data.get("planId") ?? "");
    approve.mutate({ applicationId, tierId: String(data.get("tierId") ?? ""), managerId: String(data.get("managerId") ?? ""), ...(planId ? { planId } : {}) });
  }
  const message = formMessage(errors, ["tierId", "managerId", "planId"]);
  return (
    <Card>
      <form onSubmit={submit} noValidate aria-labelledby="approve-title">
        <CardHeader
          title={t("title")}
          titleId="approve-title"
          as="h2"
          description={t.rich("hint", { address: email, email: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
        />
        <CardBody className="space-y-4">
          <FormAlert message={message} />
          <FormField label={t("tier")} htmlFor="approve-tier" error={field("tierId")}>
            <Select
              id="approve-tier"
              name="tierId"
              defaultValue={defaultTierId}
              aria-invalid={field("tierId") ? true : undefined}
              aria-describedby={fieldDescribedBy("approve-tier", { error: field("tierId") })}
            >
              {tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("manager")} htmlFor="approve-manager" error={field("managerId")}>
            <Select
              id="approve-manager"
              name="managerId"
              defaultValue={defaultManagerId}
              aria-invalid={field("managerId") ? true : undefined}
              aria-describedby={fieldDescribedBy("approve-manager", { error: field("managerId") })}
            >
              {defaultManagerId ? null : (
                <option value="" disabled>
                  {t("chooseManager")}
                </option>
              )}
              {managers.map((manager) => (
                <option key={manager.id} value={manager.id}>
                  {manager.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("plan")} htmlFor="approve-plan" hint={t("planHint")} error={field("planId")}>
            <Select
              id="approve-plan"
              name="planId"
              defaultValue={plans.find((p) => p.isDefault)?.id ?? ""}
              aria-invalid={field("planId") ? true : undefined}
              aria-describedby={fieldDescribedBy("approve-plan", { hint: t("planHint"), error: field("planId") })}
            >
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.isDefault ? t("defaultPlan", { name: plan.label }) : plan.label}
                </option>
              ))}
            </Select>
          </FormField>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={approve.isPending} data-testid="approve-application">
            {t("submit")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

export function RejectApplicationButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("applications.reject");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState(false);
  const { errors, fromError, clear, field } = useFormErrors();
  const reject = useMutation(
    trpc.applications.reject.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        clear();
        feedback.done(t("done"));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    reject.mutate({ applicationId, reason: String(data.get("reason") ?? "") });
  }
  const message = formMessage(errors, ["reason"]);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="reject-application">
        {t("open")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("title")} description={t("hint")} closeLabel={tc("close")}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormAlert message={message} />
          <FormField label={t("reason")} htmlFor="reject-reason" hint={t("reasonHint")} error={field("reason")} required>
            <Textarea
              id="reject-reason"
              name="reason"
              rows={5}
              required
              maxLength={2000}
              aria-invalid={field("reason") ? true : undefined}
              aria-describedby={fieldDescribedBy("reject-reason", { hint: t("reasonHint"), error: field("reason") })}
            />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={reject.isPending} data-testid="confirm-reject">
              {t("submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
