"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { DAY } from "@/lib/clock";
import { nextReviewDay } from "@/lib/tier-review";
import {
  Button,
  Input,
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

/** A tier's thresholds in one plan, the amount already formatted in the program currency. */
export interface TierThreshold {
  revenue: string | null;
  deals: number | null;
}

/** The longest a starting tier may be held (the server checks the same). */
const MAX_HOLD_DAYS = 730;

const isoDate = (at: Date) => at.toISOString().slice(0, 10);

export function ApproveApplicationForm({
  applicationId,
  company,
  email,
  tiers,
  defaultTierId,
  managers,
  defaultManagerId,
  plans,
  promise,
}: {
  applicationId: string;
  company: string;
  email: string;
  tiers: { id: string; label: string }[];
  defaultTierId: string;
  managers: { id: string; name: string }[];
  defaultManagerId: string;
  /** Commission plans, the program's default first, each with its tiers' thresholds by tier id. */
  plans: { id: string; label: string; isDefault: boolean; thresholds: Record<string, TierThreshold> }[];
  /** The program's tier promise: grace days from `now` (ms, the app's clock) and the review cadence. */
  promise: { now: number; graceDays: number; reviewMonths: number };
}) {
  const t = useTranslations("applications.approve");
  const format = useFormatter();
  const [tierId, setTierId] = useState(defaultTierId);
  const [planId, setPlanId] = useState(plans.find((p) => p.isDefault)?.id ?? "");
  const [heldUntilText, setHeldUntilText] = useState("");
  const chosen = /^\d{4}-\d{2}-\d{2}$/.test(heldUntilText) ? new Date(`${heldUntilText}T00:00:00Z`) : null;
  const defaultHeldUntil = new Date(promise.now + promise.graceDays * DAY);
  const heldUntil = chosen ?? defaultHeldUntil;
  const day = (at: Date) => format.dateTime(at, { dateStyle: "long", timeZone: "UTC" });
  const tierLabel = tiers.find((tier) => tier.id === tierId)?.label ?? "";
  const threshold = (plans.find((p) => p.id === planId) ?? plans.find((p) => p.isDefault))?.thresholds[tierId];
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
      ...(heldUntilText ? { tierHeldUntil: heldUntilText } : {}),
    };
  });
  const message = formMessage(errors, ["tierId", "managerId", "planId", "tierHeldUntil"]);
  const thresholdText =
    threshold?.revenue && threshold.deals !== null
      ? t("thresholdBoth", { revenue: threshold.revenue, deals: threshold.deals })
      : threshold?.revenue
        ? t("thresholdRevenue", { revenue: threshold.revenue })
        : threshold?.deals !== null && threshold?.deals !== undefined
          ? t("thresholdDeals", { deals: threshold.deals })
          : null;
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
            <Select name="tierId" value={tierId} onChange={(e) => setTierId(e.target.value)}>
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
            <Select name="planId" value={planId} onChange={(e) => setPlanId(e.target.value)}>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.isDefault ? t("defaultPlan", { name: plan.label }) : plan.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            label={t("heldUntil")}
            htmlFor="approve-held-until"
            hint={t("heldUntilHint", { days: promise.graceDays, date: day(defaultHeldUntil) })}
            error={field("tierHeldUntil")}
          >
            <Input
              name="tierHeldUntil"
              type="date"
              min={isoDate(new Date(promise.now + DAY))}
              max={isoDate(new Date(promise.now + MAX_HOLD_DAYS * DAY))}
              value={heldUntilText}
              onChange={(e) => setHeldUntilText(e.target.value)}
            />
          </FormField>
          <section
            aria-labelledby="approve-promise-title"
            className="rounded-md border border-border bg-neutral-50 p-3 text-sm"
            data-testid="tier-promise"
          >
            <h3 id="approve-promise-title" className="font-semibold text-neutral-900">
              {t("promiseTitle")}
            </h3>
            <ul className="mt-1 list-disc space-y-1 ps-5 text-neutral-700">
              <li>{t("promiseHeld", { tier: tierLabel, date: day(heldUntil) })}</li>
              <li>{t("promisePromote")}</li>
              <li>
                {thresholdText
                  ? t("promiseReview", {
                      cadence: promise.reviewMonths,
                      date: day(nextReviewDay(heldUntil, promise.reviewMonths)),
                      tier: tierLabel,
                      threshold: thresholdText,
                    })
                  : t("promiseEntry", { tier: tierLabel })}
              </li>
            </ul>
          </section>
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
