"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, FormField, Input, Select, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

const ACTIVITIES = [
  "event",
  "webinar",
  "digital_ads",
  "content",
  "email_campaign",
  "trade_show",
  "training",
  "other",
] as const;
const FIELDS = [
  "campaignName",
  "activityType",
  "description",
  "startsOn",
  "endsOn",
  "totalCost",
  "requested",
  "expectedLeads",
  "expectedPipeline",
];

/** A partner asks for funds for one campaign; the server checks the quarter's budget. */
export function RequestForm({ currency, today }: { currency: string; today: string }) {
  const t = useTranslations("mdf.form");
  const ta = useTranslations("mdf.activities");
  const trpc = useTRPC();
  const router = useRouter();
  const { submit, errors, field, setField, pending } = useFormMutation(
    trpc.partner.mdf.createRequest.mutationOptions(),
    {
      done: t("done"),
      refresh: false,
      onSuccess: (request) => router.push(`/mdf/${request.id}`),
    },
  );
  const onSubmit = submit((data) => {
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const required = ["campaignName", "startsOn", "endsOn", "totalCost", "requested"].filter((n) => !text(n));
    for (const name of required) setField(name, t("required"));
    if (required.length) return null;
    const leads = text("expectedLeads");
    return {
      campaignName: text("campaignName"),
      activityType: text("activityType") as (typeof ACTIVITIES)[number],
      description: text("description"),
      startsOn: text("startsOn"),
      endsOn: text("endsOn"),
      totalCost: text("totalCost"),
      requested: text("requested"),
      expectedLeads: leads ? Number(leads) : 0,
      expectedPipeline: text("expectedPipeline"),
    };
  });
  return (
    <FormCard
      titleId="mdf-request-title"
      title={t("title")}
      description={t("hint", { currency })}
      onSubmit={onSubmit}
      message={formMessage(errors, FIELDS)}
      bodyClassName="grid gap-4 md:grid-cols-2"
      footer={
        <Button type="submit" loading={pending} data-testid="submit-mdf-request">
          {t("submit")}
        </Button>
      }
    >
      <FormField
        label={t("campaignName")}
        htmlFor="mdf-campaign"
        error={field("campaignName")}
        required
        className="md:col-span-2"
      >
        <Input name="campaignName" maxLength={200} required />
      </FormField>
      <FormField label={t("activityType")} htmlFor="mdf-activity" error={field("activityType")} required>
        <Select name="activityType" defaultValue="event">
          {ACTIVITIES.map((a) => (
            <option key={a} value={a}>
              {ta(a)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("expectedLeads")} htmlFor="mdf-leads" error={field("expectedLeads")}>
        <Input name="expectedLeads" type="number" min={0} max={1000000} step={1} inputMode="numeric" dir="ltr" />
      </FormField>
      <FormField label={t("startsOn")} htmlFor="mdf-starts" hint={t("startsOnHint")} error={field("startsOn")} required>
        <Input name="startsOn" type="date" min={today} required dir="ltr" />
      </FormField>
      <FormField label={t("endsOn")} htmlFor="mdf-ends" error={field("endsOn")} required>
        <Input name="endsOn" type="date" min={today} required dir="ltr" />
      </FormField>
      <MoneyField
        id="mdf-total"
        name="totalCost"
        label={t("totalCost", { currency })}
        error={field("totalCost")}
        required
        placeholder="10,000"
      />
      <MoneyField
        id="mdf-requested"
        name="requested"
        label={t("requested", { currency })}
        hint={t("requestedHint")}
        error={field("requested")}
        required
        placeholder="5,000"
      />
      <MoneyField
        id="mdf-pipeline"
        name="expectedPipeline"
        label={t("expectedPipeline", { currency })}
        error={field("expectedPipeline")}
        placeholder="100,000"
      />
      <FormField
        label={t("description")}
        htmlFor="mdf-description"
        error={field("description")}
        className="md:col-span-2"
      >
        <Textarea name="description" rows={4} maxLength={4000} />
      </FormField>
    </FormCard>
  );
}
