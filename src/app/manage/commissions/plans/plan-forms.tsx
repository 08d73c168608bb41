"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button, Dialog, fieldDescribedBy, FormField, Input, Plus, Select, X, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";

/** "12.5" → 1250: whole and fraction parsed as integers, never through a float. Null when not 0–100 with ≤ 2 decimals. */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5", for a field's starting value. */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = bps % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

export interface TierChoice {
  id: string;
  key: string;
  label: string;
}

export interface ProductChoice {
  id: string;
  name: string;
  active: boolean;
}

/** A version's rules as the form starts from them (money already as decimal strings). */
export interface PlanDraft {
  baseKind: "percent" | "flat";
  baseRateBps: number | null;
  baseFlatAmount: string;
  baseFlatCurrency: string | null;
  recurringMonths: number;
  tierRules: { tierId: string; rateBps: number; minRevenue: string; minWonDeals: number | null; perks: string }[];
  productRates: { productId: string; rateBps: number }[];
}

interface Choices {
  tiers: TierChoice[];
  products: ProductChoice[];
  programCurrency: string;
}

const cellInput = "min-w-20";

function CellError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-danger-700">
      {error}
    </p>
  );
}

export function NewPlanButton(props: Choices) {
  const t = useTranslations("plansAdmin.planForm");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="new-plan">
        <Plus className="size-4" />
        {t("newPlan")}
      </Button>
      {/* Mounted only while open, so its ids stay unique and it starts empty each time. */}
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title={t("newPlanTitle")} description={t("newPlanHint")} closeLabel={tc("close")} size="lg">
          <PlanForm {...props} mode={{ kind: "create" }} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

export function NewVersionButton({ planId, planName, nextVersion, current, ...choices }: Choices & { planId: string; planName: string; nextVersion: number; current: PlanDraft | null }) {
  const t = useTranslations("plansAdmin.planForm");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={t("newVersionFor", { name: planName })} data-testid="new-version">
        {t("newVersion")}
      </Button>
      {open ? (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={t("newVersionTitle", { name: planName, version: nextVersion })}
          description={t("newVersionHint")}
          closeLabel={tc("close")}
          size="lg"
        >
          <PlanForm {...choices} mode={{ kind: "version", planId, planName, current }} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

type Mode = { kind: "create" } | { kind: "version"; planId: string; planName: string; current: PlanDraft | null };

interface ProductRow {
  key: number;
  productId: string;
  rate: string;
}

function PlanForm({ tiers, products, programCurrency, mode, onDone }: Choices & { mode: Mode; onDone: () => void }) {
  const t = useTranslations("plansAdmin.planForm");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const current = mode.kind === "version" ? mode.current : null;
  const [baseKind, setBaseKind] = useState<"percent" | "flat">(current?.baseKind ?? "percent");
  const nextRowKey = useRef(current?.productRates.length ?? 0);
  const [rows, setRows] = useState<ProductRow[]>(() => (current?.productRates ?? []).map((r, i) => ({ key: i, productId: r.productId, rate: bpsToPercent(r.rateBps) })));
  // What was sent, in order, so the server's "tierRules.2.rateBps" finds its row.
  const [sent, setSent] = useState<{ tierIds: string[]; rowKeys: number[] }>({ tierIds: [], rowKeys: [] });

  const onSuccess = (message: string) => {
    clear();
    onDone();
    feedback.done(message);
  };
  const create = useMutation(trpc.commissions.createPlan.mutationOptions({ onSuccess: () => onSuccess(t("created")), onError: fromError }));
  const publish = useMutation(trpc.commissions.publishVersion.mutationOptions({ onSuccess: (v) => onSuccess(t("published", { version: v.version })), onError: fromError }));

  const tierField = (tierId: string, name: "rateBps" | "minRevenue" | "minWonDeals" | "perks") => {
    const i = sent.tierIds.indexOf(tierId);
    return i === -1 ? undefined : field(`tierRules.${i}.${name}`);
  };
  const rowField = (key: number, name: "productId" | "rateBps") => {
    const i = sent.rowKeys.indexOf(key);
    return i === -1 ? undefined : field(`productRates.${i}.${name}`);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const problems: [string, string][] = [];

    const baseRateBps = baseKind === "percent" ? percentToBps(text("baseRate")) : 0;
    if (baseRateBps === null) problems.push(["baseRateBps", t("percentInvalid")]);
    const monthsText = text("recurringMonths");
    const recurringMonths = /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : null;
    if (recurringMonths === null || recurringMonths > 120) problems.push(["recurringMonths", t("monthsInvalid")]);

    const tierRules: { tierId: string; rateBps: number; minRevenue: string; minWonDeals: number | null; perks: string }[] = [];
    const tierIds: string[] = [];
    for (const tier of tiers) {
      const cell = (name: string) => text(`${name}-${tier.id}`);
      const [rate, revenue, deals, perks] = [cell("rate"), cell("revenue"), cell("deals"), cell("perks")];
      // An empty row leaves the tier out; a flat plan's tiers need no rate of their own.
      const filled = rate !== "" || revenue !== "" || deals !== "" || perks !== "";
      if (!filled) continue;
      const i = tierIds.length;
      tierIds.push(tier.id);
      const rateBps = rate === "" && baseKind === "flat" ? 0 : percentToBps(rate);
      if (rateBps === null) problems.push([`tierRules.${i}.rateBps`, rate === "" ? t("tierRateMissing") : t("percentInvalid")]);
      const minWonDeals = deals === "" ? null : /^\d{1,6}$/.test(deals) ? Number(deals) : undefined;
      if (minWonDeals === undefined) problems.push([`tierRules.${i}.minWonDeals`, t("dealsInvalid")]);
      tierRules.push({ tierId: tier.id, rateBps: rateBps ?? 0, minRevenue: revenue, minWonDeals: minWonDeals ?? null, perks });
    }
    if (tierRules.length === 0) problems.push(["tierRules", t("tiersMissing")]);

    const productRates: { productId: string; rateBps: number }[] = [];
    const rowKeys: number[] = [];
    for (const row of rows) {
      const productId = text(`product-${row.key}`);
      const rate = text(`productRate-${row.key}`);
      if (productId === "" && rate === "") continue;
      const i = rowKeys.length;
      rowKeys.push(row.key);
      if (productId === "") problems.push([`productRates.${i}.productId`, t("productMissing")]);
      else if (productRates.some((r) => r.productId === productId)) problems.push([`productRates.${i}.productId`, t("productTwice")]);
      const rateBps = percentToBps(rate);
      if (rateBps === null) problems.push([`productRates.${i}.rateBps`, t("percentInvalid")]);
      productRates.push({ productId, rateBps: rateBps ?? 0 });
    }

    setSent({ tierIds, rowKeys });
    if (problems.length > 0) {
      for (const [name, message] of problems) setField(name, message);
      return;
    }
    const fields = {
      baseKind,
      baseRateBps: baseRateBps ?? 0,
      baseFlatAmount: baseKind === "flat" ? text("baseFlatAmount") : "",
      baseFlatCurrency: baseKind === "flat" && text("baseFlatCurrency") !== "" ? text("baseFlatCurrency") : undefined,
      recurringMonths: recurringMonths ?? 0,
      tierRules,
      productRates,
    };
    if (mode.kind === "create") create.mutate({ name: text("name"), description: text("description"), ...fields });
    else publish.mutate({ planId: mode.planId, ...fields });
  }

  const rule = (tierId: string) => current?.tierRules.find((r) => r.tierId === tierId);
  const productChoices = (selected: string) => products.filter((p) => p.active || p.id === selected);
  const control = (id: string, name: string, hint?: string) => ({
    id,
    name,
    "aria-invalid": field(name) ? true : undefined,
    "aria-describedby": fieldDescribedBy(id, { hint, error: field(name) }),
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {mode.kind === "create" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("name")} htmlFor="plan-name" error={field("name")} required className="sm:col-span-2">
            <Input {...control("plan-name", "name")} required minLength={2} maxLength={80} autoComplete="off" dir="auto" />
          </FormField>
          <FormField label={t("description")} htmlFor="plan-description" hint={t("descriptionHint")} error={field("description")} className="sm:col-span-2">
            <Textarea {...control("plan-description", "description", t("descriptionHint"))} rows={2} maxLength={500} />
          </FormField>
        </div>
      ) : (
        <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800" data-testid="version-note">
          {t("versionNote")}
        </p>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-neutral-900">{t("baseTitle")}</legend>
        <FormField label={t("baseKind")} htmlFor="plan-base-kind">
          <Select id="plan-base-kind" name="baseKind" value={baseKind} onChange={(e) => setBaseKind(e.target.value === "flat" ? "flat" : "percent")}>
            <option value="percent">{t("kindPercent")}</option>
            <option value="flat">{t("kindFlat")}</option>
          </Select>
        </FormField>
        {baseKind === "percent" ? (
          <FormField label={t("baseRate")} htmlFor="plan-base-rate" hint={t("baseRateHint")} error={field("baseRateBps")} required>
            <Input
              id="plan-base-rate"
              name="baseRate"
              inputMode="decimal"
              dir="ltr"
              required
              defaultValue={current?.baseRateBps != null ? bpsToPercent(current.baseRateBps) : ""}
              aria-invalid={field("baseRateBps") ? true : undefined}
              aria-describedby={fieldDescribedBy("plan-base-rate", { hint: t("baseRateHint"), error: field("baseRateBps") })}
            />
          </FormField>
        ) : (
          <div className="grid grid-cols-[1fr_6rem] gap-3">
            <FormField label={t("baseAmount")} htmlFor="plan-base-amount" hint={t("baseAmountHint")} error={field("baseFlatAmount")} required>
              <Input
                id="plan-base-amount"
                name="baseFlatAmount"
                inputMode="decimal"
                dir="ltr"
                required
                defaultValue={current?.baseKind === "flat" ? current.baseFlatAmount : ""}
                aria-invalid={field("baseFlatAmount") ? true : undefined}
                aria-describedby={fieldDescribedBy("plan-base-amount", { hint: t("baseAmountHint"), error: field("baseFlatAmount") })}
              />
            </FormField>
            <FormField label={t("currency")} htmlFor="plan-base-currency" error={field("baseFlatCurrency")}>
              <Input
                id="plan-base-currency"
                name="baseFlatCurrency"
                dir="ltr"
                maxLength={3}
                className="uppercase"
                placeholder={programCurrency}
                defaultValue={current?.baseFlatCurrency ?? ""}
                aria-invalid={field("baseFlatCurrency") ? true : undefined}
                aria-describedby={fieldDescribedBy("plan-base-currency", { error: field("baseFlatCurrency") })}
              />
            </FormField>
          </div>
        )}
        <FormField label={t("recurringMonths")} htmlFor="plan-recurring-months" hint={t("recurringMonthsHint")} error={field("recurringMonths")} required>
          <Input
            id="plan-recurring-months"
            name="recurringMonths"
            type="number"
            min={0}
            max={120}
            step={1}
            dir="ltr"
            required
            className="w-28"
            defaultValue={String(current?.recurringMonths ?? 12)}
            aria-invalid={field("recurringMonths") ? true : undefined}
            aria-describedby={fieldDescribedBy("plan-recurring-months", { hint: t("recurringMonthsHint"), error: field("recurringMonths") })}
          />
        </FormField>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-neutral-900">{t("tiersTitle")}</legend>
        <p id="plan-tiers-hint" className="mt-1 mb-3 text-xs text-muted">
          {baseKind === "flat" ? t("tiersHintFlat", { currency: programCurrency }) : t("tiersHint", { currency: programCurrency })}
        </p>
        {field("tierRules") ? (
          <p role="alert" className="mb-2 text-xs font-medium text-danger-700">
            {field("tierRules")}
          </p>
        ) : null}
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full border-collapse text-sm" data-testid="plan-tier-table">
            <thead className="border-b border-border bg-surface-sunken text-xs text-muted">
              <tr>
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("tier")}
                </th>
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("ratePercent")}
                </th>
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("minRevenue", { currency: programCurrency })}
                </th>
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("minDeals")}
                </th>
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("perks")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {tiers.map((tier) => {
                const existing = rule(tier.id);
                const ids = { rate: `tier-rate-${tier.key}`, revenue: `tier-revenue-${tier.key}`, deals: `tier-deals-${tier.key}`, perks: `tier-perks-${tier.key}` };
                const errs = { rate: tierField(tier.id, "rateBps"), revenue: tierField(tier.id, "minRevenue"), deals: tierField(tier.id, "minWonDeals"), perks: tierField(tier.id, "perks") };
                return (
                  <tr key={tier.id} className="align-top">
                    <th scope="row" className="px-2 py-2 text-start font-medium whitespace-nowrap">
                      {tier.label}
                    </th>
                    <td className="px-2 py-2">
                      <Input
                        id={ids.rate}
                        name={`rate-${tier.id}`}
                        inputMode="decimal"
                        dir="ltr"
                        className={cellInput}
                        defaultValue={existing ? bpsToPercent(existing.rateBps) : ""}
                        aria-label={t("tierRateFor", { tier: tier.label })}
                        aria-invalid={errs.rate ? true : undefined}
                        aria-describedby={errs.rate ? `${ids.rate}-error` : undefined}
                      />
                      <CellError id={ids.rate} error={errs.rate} />
                    </td>
                    <td className="px-2 py-2">
                      <Input
                        id={ids.revenue}
                        name={`revenue-${tier.id}`}
                        inputMode="decimal"
                        dir="ltr"
                        className="min-w-28"
                        defaultValue={existing?.minRevenue ?? ""}
                        aria-label={t("tierRevenueFor", { tier: tier.label })}
                        aria-invalid={errs.revenue ? true : undefined}
                        aria-describedby={errs.revenue ? `${ids.revenue}-error` : undefined}
                      />
                      <CellError id={ids.revenue} error={errs.revenue} />
                    </td>
                    <td className="px-2 py-2">
                      <Input
                        id={ids.deals}
                        name={`deals-${tier.id}`}
                        type="number"
                        min={0}
                        step={1}
                        dir="ltr"
                        className={cellInput}
                        defaultValue={existing?.minWonDeals ?? ""}
                        aria-label={t("tierDealsFor", { tier: tier.label })}
                        aria-invalid={errs.deals ? true : undefined}
                        aria-describedby={errs.deals ? `${ids.deals}-error` : undefined}
                      />
                      <CellError id={ids.deals} error={errs.deals} />
                    </td>
                    <td className="px-2 py-2">
                      <Input
                        id={ids.perks}
                        name={`perks-${tier.id}`}
                        dir="auto"
                        maxLength={500}
                        className="min-w-36"
                        defaultValue={existing?.perks ?? ""}
                        aria-label={t("tierPerksFor", { tier: tier.label })}
                        aria-invalid={errs.perks ? true : undefined}
                        aria-describedby={errs.perks ? `${ids.perks}-error` : undefined}
                      />
                      <CellError id={ids.perks} error={errs.perks} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-neutral-900">{t("productsTitle")}</legend>
        <p className="mt-1 mb-3 text-xs text-muted">{t("productsHint")}</p>
        {rows.length === 0 ? <p className="mb-3 text-sm text-muted">{t("productsEmpty")}</p> : null}
        <ul className="space-y-3" data-testid="product-rate-rows">
          {rows.map((row) => {
            const productId = `product-rate-product-${row.key}`;
            const rateId = `product-rate-${row.key}`;
            const productError = rowField(row.key, "productId");
            const rateError = rowField(row.key, "rateBps");
            return (
              <li key={row.key} className="flex flex-wrap items-start gap-2">
                <div className="min-w-48 flex-1">
                  <label htmlFor={productId} className="sr-only">
                    {t("product")}
                  </label>
                  <Select
                    id={productId}
                    name={`product-${row.key}`}
                    defaultValue={row.productId}
                    aria-invalid={productError ? true : undefined}
                    aria-describedby={productError ? `${productId}-error` : undefined}
                  >
                    <option value="">{t("chooseProduct")}</option>
                    {productChoices(row.productId).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                  <CellError id={productId} error={productError} />
                </div>
                <div className="w-28">
                  <label htmlFor={rateId} className="sr-only">
                    {t("ratePercent")}
                  </label>
                  <Input
                    id={rateId}
                    name={`productRate-${row.key}`}
                    inputMode="decimal"
                    dir="ltr"
                    placeholder={t("ratePlaceholder")}
                    defaultValue={row.rate}
                    aria-invalid={rateError ? true : undefined}
                    aria-describedby={rateError ? `${rateId}-error` : undefined}
                  />
                  <CellError id={rateId} error={rateError} />
                </div>
                <Button type="button" variant="ghost" size="sm" className="mt-0.5" aria-label={t("removeProductRate")} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))} data-testid="remove-product-rate">
                  <X className="size-4" />
                </Button>
              </li>
            );
          })}
        </ul>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          className="mt-3"
          disabled={rows.length >= 100}
          onClick={() => setRows((all) => [...all, { key: nextRowKey.current++, productId: "", rate: "" }])}
          data-testid="add-product-rate"
        >
          <Plus className="size-4" />
          {t("addProductRate")}
        </Button>
      </fieldset>

      {/* Near the button: the table's own messages may be scrolled out of view. */}
      <FormAlert message={errors.message} />
      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button type="button" variant="ghost" onClick={onDone}>
          {tc("cancel")}
        </Button>
        {mode.kind === "create" ? (
          <Button type="submit" loading={create.isPending} data-testid="save-plan">
            {t("savePlan")}
          </Button>
        ) : (
          <Button type="submit" loading={publish.isPending} data-testid="publish-version">
            {t("publish")}
          </Button>
        )}
      </div>
    </form>
  );
}
