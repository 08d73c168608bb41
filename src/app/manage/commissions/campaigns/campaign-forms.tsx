"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Dialog, fieldDescribedBy, FormField, Input, Plus, Select, Textarea } from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { percentToBps } from "../plans/plan-forms";

export interface CampaignChoice {
  id: string;
  label: string;
}

const checkboxClasses = "mt-0.5 size-4 shrink-0 accent-brand-600";

/** Checkboxes for "which tiers / products"; none ticked means all. */
function ChoiceGroup({ legend, hint, idPrefix, name, choices, error }: { legend: string; hint: string; idPrefix: string; name: string; choices: (CampaignChoice & { idKey: string })[]; error: string | undefined }) {
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="text-sm font-medium text-neutral-900">{legend}</legend>
      <p id={hintId} className="mt-0.5 mb-2 text-xs text-muted">
        {hint}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <div key={choice.id} className="flex items-start gap-2">
            <input id={`${idPrefix}-${choice.idKey}`} name={name} value={choice.id} type="checkbox" className={checkboxClasses} />
            <label htmlFor={`${idPrefix}-${choice.idKey}`} className="text-sm text-neutral-900">
              <bdi>{choice.label}</bdi>
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NewCampaignForm({ tiers, products, programCurrency }: { tiers: (CampaignChoice & { key: string })[]; products: CampaignChoice[]; programCurrency: string }) {
  const t = useTranslations("plansAdmin.campaignForm");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const [formKey, setFormKey] = useState(0);
  const [kind, setKind] = useState<"percent" | "flat">("percent");
  const create = useMutation(
    trpc.commissions.createCampaign.mutationOptions({
      onSuccess: () => {
        clear();
        setKind("percent");
        setFormKey((k) => k + 1); // a fresh, empty form for the next campaign
        feedback.done(t("created"));
      },
      onError: fromError,
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const rateBps = kind === "percent" ? percentToBps(text("rate")) : 0;
    if (rateBps === null || (kind === "percent" && rateBps === 0)) {
      setField("rateBps", t("rateInvalid"));
      return;
    }
    const currency = text("currency");
    create.mutate({
      name: text("name"),
      description: text("description"),
      startsOn: text("startsOn"),
      endsOn: text("endsOn"),
      kind,
      rateBps,
      flatAmount: kind === "flat" ? text("flatAmount") : "",
      currency: kind === "flat" && currency !== "" ? currency : undefined,
      tierIds: data.getAll("tierIds").map(String),
      productIds: data.getAll("productIds").map(String),
    });
  }

  const control = (id: string, name: string, hint?: string) => ({
    id,
    name,
    "aria-invalid": field(name) ? true : undefined,
    "aria-describedby": fieldDescribedBy(id, { hint, error: field(name) }),
  });

  return (
    <FormCard
      titleId="new-campaign-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={submit}
      formKey={formKey}
      message={errors.message}
      footer={
        <Button type="submit" loading={create.isPending} data-testid="create-campaign">
          <Plus className="size-4" />
          {t("create")}
        </Button>
      }
    >
      <FormField label={t("name")} htmlFor="campaign-name" error={field("name")} required>
        <Input {...control("campaign-name", "name")} required minLength={2} maxLength={120} autoComplete="off" dir="auto" />
      </FormField>
      <FormField label={t("description")} htmlFor="campaign-description" hint={t("descriptionHint")} error={field("description")}>
        <Textarea {...control("campaign-description", "description", t("descriptionHint"))} rows={2} maxLength={1000} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("startsOn")} htmlFor="campaign-starts" error={field("startsOn")} required>
          <Input {...control("campaign-starts", "startsOn")} type="date" required />
        </FormField>
        <FormField label={t("endsOn")} htmlFor="campaign-ends" error={field("endsOn")} required>
          <Input {...control("campaign-ends", "endsOn")} type="date" required />
        </FormField>
      </div>
      <p className="-mt-2 text-xs text-muted">{t("windowHint")}</p>
      <FormField label={t("kind")} htmlFor="campaign-kind">
        <Select id="campaign-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value === "flat" ? "flat" : "percent")}>
          <option value="percent">{t("kindPercent")}</option>
          <option value="flat">{t("kindFlat")}</option>
        </Select>
      </FormField>
      {kind === "percent" ? (
        <FormField label={t("rate")} htmlFor="campaign-rate" hint={t("rateHint")} error={field("rateBps")} required>
          <Input
            id="campaign-rate"
            name="rate"
            inputMode="decimal"
            dir="ltr"
            required
            className="w-32"
            aria-invalid={field("rateBps") ? true : undefined}
            aria-describedby={fieldDescribedBy("campaign-rate", { hint: t("rateHint"), error: field("rateBps") })}
          />
        </FormField>
      ) : (
        <div className="grid grid-cols-[1fr_6rem] gap-3">
          <FormField label={t("amount")} htmlFor="campaign-amount" hint={t("amountHint")} error={field("flatAmount")} required>
            <Input {...control("campaign-amount", "flatAmount", t("amountHint"))} inputMode="decimal" dir="ltr" required />
          </FormField>
          <FormField label={t("currency")} htmlFor="campaign-currency" error={field("currency")}>
            <Input {...control("campaign-currency", "currency")} dir="ltr" maxLength={3} className="uppercase" placeholder={programCurrency} />
          </FormField>
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
    trpc.commissions.archiveCampaign.mutationOptions({
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
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={t("endFor", { name })} data-testid="archive-campaign">
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
