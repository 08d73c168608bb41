"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Dialog,
  FormField,
  Select,
  FormAlert,
  Textarea,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

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
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.applications.approve.mutationOptions(), {
    done: t("done", { company }),
    refresh: false,
    onSuccess: ({ partnerId }) => router.push(`/manage/partners/${partnerId}`),
  });
  const onSubmit = submit((data) => {
    const planId = String(data.get("planId") ?? "");
    return {
      applicationId,
      tierId: String(data.get("tierId") ?? ""),
      managerId: String(data.get("managerId") ?? ""),
      ...(planId ? { planId } : {}),
    };
  });
  const message = formMessage(errors, ["tierId", "managerId", "planId"]);
  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="approve-title">
        <CardHeader
          title={t("title")}
          titleId="approve-title"
          as="h2"
          description={t.rich("hint", { address: email, email: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
        />
        <CardBody className="space-y-4">
          <FormAlert message={message} />
          <FormField label={t("tier")} htmlFor="approve-tier" error={field("tierId")}>
            <Select name="tierId" defaultValue={defaultTierId}>
              {tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("manager")} htmlFor="approve-manager" error={field("managerId")}>
            <Select name="managerId" defaultValue={defaultManagerId}>
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
            <Select name="planId" defaultValue={plans.find((p) => p.isDefault)?.id ?? ""}>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.isDefault ? t("defaultPlan", { name: plan.label }) : plan.label}
                </option>
              ))}
            </Select>
          </FormField>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={pending} data-testid="approve-application">
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
  const [open, setOpen] = useState(false);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.applications.reject.mutationOptions(), {
    done: t("done"),
    onSuccess: () => setOpen(false),
  });
  const onSubmit = submit((data) => ({ applicationId, reason: String(data.get("reason") ?? "") }));
  const message = formMessage(errors, ["reason"]);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="reject-application">
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        description={t("hint")}
        closeLabel={tc("close")}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormAlert message={message} />
          <FormField
            label={t("reason")}
            htmlFor="reject-reason"
            hint={t("reasonHint")}
            error={field("reason")}
            required
          >
            <Textarea name="reason" rows={5} required maxLength={2000} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={pending} data-testid="confirm-reject">
              {t("submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
