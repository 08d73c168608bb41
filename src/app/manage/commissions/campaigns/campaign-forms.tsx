"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Button,
  checkboxClasses,
  ChoiceFieldset,
  Dialog,
  FormField,
  Input,
  Plus,
  Select,
  Textarea,
} from "@/components/ui";
import { MoneyField } from "@/components/money";
import { FormCard } from "@/components/page/form-card";
import { percentToBps } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

export interface CampaignChoice {
  id: string;
  label: string;
}

/** The currencies a flat bonus may be paid in (its field renders only in the browser, once "flat" is chosen). */
const CURRENCIES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [];

/** Checkboxes for "which tiers / products"; none ticked means all. */
function ChoiceGroup({
  legend,
  hint,
  idPrefix,
  name,
  choices,
  error,
}: {
  legend: string;
  hint: string;
  idPrefix: string;
  name: string;
  choices: (CampaignChoice & { idKey: string })[];
  error: string | undefined;
}) {
  return (
    <ChoiceFieldset id={idPrefix} legend={legend} hint={hint} error={error}>
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <div key={choice.id} className="flex items-start gap-2">
            <input
              id={`${idPrefix}-${choice.idKey}`}
              name={name}
              value={choice.id}
              type="checkbox"
              className={checkboxClasses}
            />
            <label htmlFor={`${idPrefix}-${choice.idKey}`} className="text-sm text-neutral-900">
              <bdi>{choice.label}</bdi>
            </label>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

export function NewCampaignForm({
  tiers,
  products,
  programCurrency,
}: {
  tiers: (CampaignChoice & { key: string })[];
  products: CampaignChoice[];
  programCurrency: string;
}) {
  const t = useTranslations("plansAdmin.campaignForm");
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const [kind, setKind] = useState<"percent" | "flat">("percent");
  const { submit, errors, field, setField, pending } = useFormMutation(
    trpc.manage.commissions.createCampaign.mutationOptions(),
    {
      done: t("created"),
      onSuccess: () => {
        setKind("percent");
        setFormKey((k) => k + 1); // a fresh, empty form for the next campaign
      },
    },
  );

  const onSubmit = submit((data) => {
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const rateBps = kind === "percent" ? percentToBps(text("rate")) : 0;
    if (rateBps === null || (kind === "percent" && rateBps === 0)) {
      setField("rateBps", t("rateInvalid"));
      return null;
    }
    const currency = text("currency");
    return {
      name: text("name"),
      description: text("description"),
      nameAr: text("nameAr"),
      descriptionAr: text("descriptionAr"),
      startsOn: text("startsOn"),
      endsOn: text("endsOn"),
      kind,
      rateBps,
      flatAmount: kind === "flat" ? text("flatAmount") : "",
      currency: kind === "flat" && currency !== "" ? currency : undefined,
      tierIds: data.getAll("tierIds").map(String),
      productIds: data.getAll("productIds").map(String),
    };
  });

  return (
    <FormCard
      titleId="new-campaign-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={onSubmit}
      formKey={formKey}
      message={errors.message}
      footer={
        <Button type="submit" loading={pending} data-testid="create-campaign">
          <Plus className="size-4" />
          {t("create")}
        </Button>
      }
    >
      <FormField label={t("name")} htmlFor="campaign-name" error={field("name")} required>
        <Input name="name" required minLength={2} maxLength={120} autoComplete="off" dir="auto" />
      </FormField>
      <FormField
        label={t("description")}
        htmlFor="campaign-description"
        hint={t("descriptionHint")}
        error={field("description")}
      >
        <Textarea name="description" rows={2} maxLength={1000} />
      </FormField>
      {/* Beside the English: Arabic readers see these, or the English marked when they are empty. */}
      <fieldset className="space-y-4 rounded-md border border-border p-3">
        <legend className="px-1 text-sm font-medium text-neutral-900">{t("arabicLegend")}</legend>
        <FormField label={t("nameAr")} htmlFor="campaign-name-ar" hint={t("nameArHint")} error={field("nameAr")}>
          <Input name="nameAr" maxLength={120} autoComplete="off" dir="rtl" lang="ar" />
        </FormField>
        <FormField label={t("descriptionAr")} htmlFor="campaign-description-ar" error={field("descriptionAr")}>
          <Textarea name="descriptionAr" rows={2} maxLength={1000} dir="rtl" lang="ar" />
        </FormField>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("startsOn")} htmlFor="campaign-starts" error={field("startsOn")} required>
          <Input name="startsOn" type="date" required />
        </FormField>
        <FormField label={t("endsOn")} htmlFor="campaign-ends" error={field("endsOn")} required>
          <Input name="endsOn" type="date" required />
        </FormField>
      </div>
      <p className="-mt-2 text-xs text-muted">{t("windowHint")}</p>
      <FormField label={t("kind")} htmlFor="campaign-kind">
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value === "flat" ? "flat" : "percent")}>
          <option value="percent">{t("kindPercent")}</option>
          <option value="flat">{t("kindFlat")}</option>
        </Select>
      </FormField>
      {kind === "percent" ? (
        <FormField label={t("rate")} htmlFor="campaign-rate" hint={t("rateHint")} error={field("rateBps")} required>
          <Input name="rate" inputMode="decimal" dir="ltr" required className="w-32" />
        </FormField>
      ) : (
        <div className="grid grid-cols-[1fr_8rem] gap-3">
          <MoneyField
            id="campaign-amount"
            name="flatAmount"
            label={t("amount")}
            hint={t("amountHint")}
            error={field("flatAmount")}
            required
            currency={{
              id: "campaign-currency",
              name: "currency",
              label: t("currency"),
              error: field("currency"),
              currencies: CURRENCIES,
              emptyLabel: t("currencyProgram", { currency: programCurrency }),
              defaultValue: "",
            }}
          />
        </div>
      )}
      <ChoiceGroup
        legend={t("tiers")}
        hint={t("tiersHint")}
        idPrefix="campaign-tier"
        name="tierIds"
        choices={tiers.map((tier) => ({ ...tier, idKey: tier.key }))}
        error={Object.entries(errors.fields).find(([k]) => k.startsWith("tierIds"))?.[1]}
      />
      <ChoiceGroup
        legend={t("products")}
        hint={t("productsHint")}
        idPrefix="campaign-product"
        name="productIds"
        choices={products.map((p) => ({ ...p, idKey: p.id }))}
        error={Object.entries(errors.fields).find(([k]) => k.startsWith("productIds"))?.[1]}
      />
    </FormCard>
  );
}

export function ArchiveCampaignButton({ campaignId, name }: { campaignId: string; name: string }) {
  const t = useTranslations("plansAdmin.campaigns");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archive = useMutation(
    trpc.manage.commissions.archiveCampaign.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        feedback.done(t("ended", { name }));
      },
      onError: (e) => setError(e.message),
    }),
  );
  function close() {
    setOpen(false);
    setError(null);
  }
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={t("endFor", { name })}
        data-testid="archive-campaign"
      >
        {t("endNow")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("endTitle", { name })}
        description={t("endHint")}
        closeLabel={tc("close")}
        size="sm"
        footer={
          <>
            <Button type="button" variant="ghost" onClick={close}>
              {tc("cancel")}
            </Button>
            <Button
              type="button"
              variant="danger"
              loading={archive.isPending}
              onClick={() => {
                setError(null);
                archive.mutate({ campaignId });
              }}
              data-testid="confirm-archive-campaign"
            >
              {t("confirmEnd")}
            </Button>
          </>
        }
      >
        <p className="text-neutral-700">{t("endKeeps")}</p>
        {error ? (
          <p role="alert" className="mt-3 text-sm text-danger-700">
            {error}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
