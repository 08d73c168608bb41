"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button, Dialog, FormField, Input, Plus, Select, X, FormAlert, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { bpsToPercent, percentToBps } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import {
  CertificationRequirements,
  initialCertificationRows,
  readCertificationRows,
  type CertificationRows,
  type CourseChoice,
} from "./certification-requirements";

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
  tierRules: {
    tierId: string;
    rateBps: number;
    minRevenue: string;
    minWonDeals: number | null;
    perks: string;
    perksAr: string;
    certifications: { courseId: string; minPeople: number }[];
  }[];
  productRates: { productId: string; rateBps: number }[];
}

interface Choices {
  tiers: TierChoice[];
  products: ProductChoice[];
  /** Courses a tier may require a certification in. */
  courses: CourseChoice[];
  programCurrency: string;
}

const cellInput = "min-w-20";

/** The currencies a flat amount may be paid in (the form renders only in the browser, inside its dialog). */
const CURRENCIES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [];

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
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={t("newPlanTitle")}
          description={t("newPlanHint")}
          closeLabel={tc("close")}
          size="lg"
        >
          <PlanForm {...props} mode={{ kind: "create" }} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

export function NewVersionButton({
  planId,
  planName,
  nextVersion,
  current,
  ...choices
}: Choices & { planId: string; planName: string; nextVersion: number; current: PlanDraft | null }) {
  const t = useTranslations("plansAdmin.planForm");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={t("newVersionFor", { name: planName })}
        data-testid="new-version"
      >
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

type PlanRules = {
  baseKind: "percent" | "flat";
  baseRateBps: number;
  baseFlatAmount: string;
  baseFlatCurrency: string | undefined;
  recurringMonths: number;
  tierRules: {
    tierId: string;
    rateBps: number;
    minRevenue: string;
    minWonDeals: number | null;
    perks: string;
    perksAr: string;
    certifications: { courseId: string; minPeople: number }[];
  }[];
  productRates: { productId: string; rateBps: number }[];
};

function PlanForm({
  tiers,
  products,
  courses,
  programCurrency,
  mode,
  onDone,
}: Choices & { mode: Mode; onDone: () => void }) {
  const t = useTranslations("plansAdmin.planForm");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const current = mode.kind === "version" ? mode.current : null;
  const [baseKind, setBaseKind] = useState<"percent" | "flat">(current?.baseKind ?? "percent");
  const nextRowKey = useRef(current?.productRates.length ?? 0);
  const [rows, setRows] = useState<ProductRow[]>(() =>
    (current?.productRates ?? []).map((r, i) => ({ key: i, productId: r.productId, rate: bpsToPercent(r.rateBps) })),
  );
  const [certRows, setCertRows] = useState<CertificationRows>(
    () => initialCertificationRows(current?.tierRules ?? []).rows,
  );
  // What was sent, in order, so the server's "tierRules.2.rateBps" finds its row.
  const [sent, setSent] = useState<{ tierIds: string[]; rowKeys: number[]; certKeys: Record<string, number[]> }>({
    tierIds: [],
    rowKeys: [],
    certKeys: {},
  });

  // Both hooks are always called (hooks cannot be conditional); only the one for this mode is used.
  const create = useFormMutation(trpc.manage.commissions.createPlan.mutationOptions(), {
    done: t("created"),
    onSuccess: onDone,
  });
  const publish = useFormMutation(trpc.manage.commissions.publishVersion.mutationOptions(), {
    done: (v) => t("published", { version: v.version }),
    onSuccess: onDone,
  });
  const { errors, field, setField, pending } = mode.kind === "create" ? create : publish;

  const tierField = (tierId: string, name: "rateBps" | "minRevenue" | "minWonDeals" | "perks" | "perksAr") => {
    const i = sent.tierIds.indexOf(tierId);
    return i === -1 ? undefined : field(`tierRules.${i}.${name}`);
  };
  const certField = (tierId: string, key: number, name: "courseId" | "minPeople") => {
    const i = sent.tierIds.indexOf(tierId);
    const j = sent.certKeys[tierId]?.indexOf(key) ?? -1;
    return i === -1 || j === -1 ? undefined : field(`tierRules.${i}.certifications.${j}.${name}`);
  };
  const rowField = (key: number, name: "productId" | "rateBps") => {
    const i = sent.rowKeys.indexOf(key);
    return i === -1 ? undefined : field(`productRates.${i}.${name}`);
  };

  /** The version's rules from the form, or null when a field needs attention (its message is set). */
  function readRules(data: FormData): PlanRules | null {
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const problems: [string, string][] = [];

    const baseRateBps = baseKind === "percent" ? percentToBps(text("baseRate")) : 0;
    if (baseRateBps === null) problems.push(["baseRateBps", t("percentInvalid")]);
    const monthsText = text("recurringMonths");
    const recurringMonths = /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : null;
    if (recurringMonths === null || recurringMonths > 120) problems.push(["recurringMonths", t("monthsInvalid")]);

    const tierRules: PlanRules["tierRules"] = [];
    const tierIds: string[] = [];
    const certKeys: Record<string, number[]> = {};
    for (const tier of tiers) {
      const cell = (name: string) => text(`${name}-${tier.id}`);
      const [rate, revenue, deals, perks, perksAr] = [
        cell("rate"),
        cell("revenue"),
        cell("deals"),
        cell("perks"),
        cell("perksAr"),
      ];
      const requirements = certRows[tier.id] ?? [];
      const anyRequirement = requirements.some((r) => r.courseId !== "" || r.minPeople.trim() !== "");
      // An empty row leaves the tier out; a flat plan's tiers need no rate of their own.
      const filled = rate !== "" || revenue !== "" || deals !== "" || perks !== "" || perksAr !== "" || anyRequirement;
      if (!filled) continue;
      const i = tierIds.length;
      const read = readCertificationRows(requirements, `tierRules.${i}.certifications`, {
        courseMissing: t("certificationCourseMissing"),
        courseTwice: t("certificationCourseTwice"),
        peopleInvalid: t("certificationPeopleInvalid"),
      });
      certKeys[tier.id] = read.rowKeys;
      problems.push(...read.problems);
      tierIds.push(tier.id);
      const rateBps = rate === "" && baseKind === "flat" ? 0 : percentToBps(rate);
      if (rateBps === null)
        problems.push([`tierRules.${i}.rateBps`, rate === "" ? t("tierRateMissing") : t("percentInvalid")]);
      const minWonDeals = deals === "" ? null : /^\d{1,6}$/.test(deals) ? Number(deals) : undefined;
      if (minWonDeals === undefined) problems.push([`tierRules.${i}.minWonDeals`, t("dealsInvalid")]);
      tierRules.push({
        tierId: tier.id,
        rateBps: rateBps ?? 0,
        minRevenue: revenue,
        minWonDeals: minWonDeals ?? null,
        perks,
        perksAr,
        certifications: read.certifications,
      });
    }
    if (tierRules.length === 0) problems.push(["tierRules", t("tiersMissing")]);

    const productRates: PlanRules["productRates"] = [];
    const rowKeys: number[] = [];
    for (const row of rows) {
      const productId = text(`product-${row.key}`);
      const rate = text(`productRate-${row.key}`);
      if (productId === "" && rate === "") continue;
      const i = rowKeys.length;
      rowKeys.push(row.key);
      if (productId === "") problems.push([`productRates.${i}.productId`, t("productMissing")]);
      else if (productRates.some((r) => r.productId === productId))
        problems.push([`productRates.${i}.productId`, t("productTwice")]);
      const rateBps = percentToBps(rate);
      if (rateBps === null) problems.push([`productRates.${i}.rateBps`, t("percentInvalid")]);
      productRates.push({ productId, rateBps: rateBps ?? 0 });
    }

    setSent({ tierIds, rowKeys, certKeys });
    if (problems.length > 0) {
      for (const [name, message] of problems) setField(name, message);
      return null;
    }
    return {
      baseKind,
      baseRateBps: baseRateBps ?? 0,
      baseFlatAmount: baseKind === "flat" ? text("baseFlatAmount") : "",
      baseFlatCurrency: baseKind === "flat" && text("baseFlatCurrency") !== "" ? text("baseFlatCurrency") : undefined,
      recurringMonths: recurringMonths ?? 0,
      tierRules,
      productRates,
    };
  }

  const submit =
    mode.kind === "create"
      ? create.submit((data) => {
          const rules = readRules(data);
          return (
            rules && {
              name: String(data.get("name") ?? "").trim(),
              description: String(data.get("description") ?? "").trim(),
              ...rules,
            }
          );
        })
      : publish.submit((data) => {
          const rules = readRules(data);
          return rules && { planId: mode.planId, ...rules };
        });

  const rule = (tierId: string) => current?.tierRules.find((r) => r.tierId === tierId);
  const productChoices = (selected: string) => products.filter((p) => p.active || p.id === selected);

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {mode.kind === "create" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("name")} htmlFor="plan-name" error={field("name")} required className="sm:col-span-2">
            <Input name="name" required minLength={2} maxLength={80} autoComplete="off" dir="auto" />
          </FormField>
          <FormField
            label={t("description")}
            htmlFor="plan-description"
            hint={t("descriptionHint")}
            error={field("description")}
            className="sm:col-span-2"
          >
            <Textarea name="description" rows={2} maxLength={500} />
          </FormField>
        </div>
      ) : (
        <p
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800"
          data-testid="version-note"
        >
          {t("versionNote")}
        </p>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-neutral-900">{t("baseTitle")}</legend>
        <FormField label={t("baseKind")} htmlFor="plan-base-kind">
          <Select
            name="baseKind"
            value={baseKind}
            onChange={(e) => setBaseKind(e.target.value === "flat" ? "flat" : "percent")}
          >
            <option value="percent">{t("kindPercent")}</option>
            <option value="flat">{t("kindFlat")}</option>
          </Select>
        </FormField>
        {baseKind === "percent" ? (
          <FormField
            label={t("baseRate")}
            htmlFor="plan-base-rate"
            hint={t("baseRateHint")}
            error={field("baseRateBps")}
            required
          >
            <Input
              name="baseRate"
              inputMode="decimal"
              dir="ltr"
              required
              defaultValue={current?.baseRateBps != null ? bpsToPercent(current.baseRateBps) : ""}
            />
          </FormField>
        ) : (
          <div className="grid grid-cols-[1fr_8rem] gap-3">
            <MoneyField
              id="plan-base-amount"
              name="baseFlatAmount"
              label={t("baseAmount")}
              hint={t("baseAmountHint")}
              error={field("baseFlatAmount")}
              required
              defaultValue={current?.baseKind === "flat" ? current.baseFlatAmount : ""}
              currency={{
                id: "plan-base-currency",
                name: "baseFlatCurrency",
                label: t("currency"),
                error: field("baseFlatCurrency"),
                currencies: CURRENCIES,
                emptyLabel: t("currencyProgram", { currency: programCurrency }),
                defaultValue: current?.baseFlatCurrency ?? "",
              }}
            />
          </div>
        )}
        <FormField
          label={t("recurringMonths")}
          htmlFor="plan-recurring-months"
          hint={t("recurringMonthsHint")}
          error={field("recurringMonths")}
          required
        >
          <Input
            name="recurringMonths"
            type="number"
            min={0}
            max={120}
            step={1}
            dir="ltr"
            required
            className="w-28"
            defaultValue={String(current?.recurringMonths ?? 12)}
          />
        </FormField>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-neutral-900">{t("tiersTitle")}</legend>
        <p id="plan-tiers-hint" className="mt-1 mb-3 text-xs text-muted">
          {baseKind === "flat"
            ? t("tiersHintFlat", { currency: programCurrency })
            : t("tiersHint", { currency: programCurrency })}
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
                <th scope="col" className="px-2 py-2 text-start font-medium">
                  {t("perksAr")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {tiers.map((tier) => {
                const existing = rule(tier.id);
                return (
                  <tr key={tier.id} className="align-top">
                    <th scope="row" className="px-2 py-2 text-start font-medium whitespace-nowrap">
                      {tier.label}
                    </th>
                    <td className="px-2 py-2">
                      <FormField
                        label={t("tierRateFor", { tier: tier.label })}
                        hideLabel
                        htmlFor={`tier-rate-${tier.key}`}
                        error={tierField(tier.id, "rateBps")}
                      >
                        <Input
                          name={`rate-${tier.id}`}
                          inputMode="decimal"
                          dir="ltr"
                          className={cellInput}
                          defaultValue={existing ? bpsToPercent(existing.rateBps) : ""}
                        />
                      </FormField>
                    </td>
                    <td className="px-2 py-2">
                      <MoneyField
                        id={`tier-revenue-${tier.key}`}
                        name={`revenue-${tier.id}`}
                        label={t("tierRevenueFor", { tier: tier.label })}
                        hideLabel
                        error={tierField(tier.id, "minRevenue")}

                        inputClassName="min-w-28"
                        defaultValue={existing?.minRevenue ?? ""}
                      />
                    </td>
                    <td className="px-2 py-2">
                      <FormField
                        label={t("tierDealsFor", { tier: tier.label })}
                        hideLabel
                        htmlFor={`tier-deals-${tier.key}`}
                        error={tierField(tier.id, "minWonDeals")}
                      >
                        <Input
                          name={`deals-${tier.id}`}
                          type="number"
                          min={0}
                          step={1}
                          dir="ltr"
                          className={cellInput}
                          defaultValue={existing?.minWonDeals ?? ""}
                        />
                      </FormField>
                    </td>
                    <td className="px-2 py-2">
                      <FormField
                        label={t("tierPerksFor", { tier: tier.label })}
                        hideLabel
                        htmlFor={`tier-perks-${tier.key}`}
                        error={tierField(tier.id, "perks")}
                      >
                        <Input
                          name={`perks-${tier.id}`}
                          dir="auto"
                          maxLength={500}
                          className="min-w-36"
                          defaultValue={existing?.perks ?? ""}
                        />
                      </FormField>
                    </td>
                    <td className="px-2 py-2">
                      {/* Beside the English perks; Arabic readers see the English, marked, without it. */}
                      <FormField
                        label={t("tierPerksArFor", { tier: tier.label })}
                        hideLabel
                        htmlFor={`tier-perks-ar-${tier.key}`}
                        error={tierField(tier.id, "perksAr")}
                      >
                        <Input
                          name={`perksAr-${tier.id}`}
                          dir="rtl"
                          lang="ar"
                          maxLength={500}
                          className="min-w-36"
                          defaultValue={existing?.perksAr ?? ""}
                        />
                      </FormField>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <CertificationRequirements
        tiers={tiers}
        courses={courses}
        rows={certRows}
        onChange={setCertRows}
        errorOf={certField}
      />

      <fieldset>
        <legend className="text-sm font-semibold text-neutral-900">{t("productsTitle")}</legend>
        <p className="mt-1 mb-3 text-xs text-muted">{t("productsHint")}</p>
        {rows.length === 0 ? <p className="mb-3 text-sm text-muted">{t("productsEmpty")}</p> : null}
        <ul className="space-y-3" data-testid="product-rate-rows">
          {rows.map((row) => (
            <li key={row.key} className="flex flex-wrap items-start gap-2">
              <FormField
                label={t("product")}
                hideLabel
                htmlFor={`product-rate-product-${row.key}`}
                error={rowField(row.key, "productId")}
                className="min-w-48 flex-1"
              >
                <Select name={`product-${row.key}`} defaultValue={row.productId}>
                  <option value="">{t("chooseProduct")}</option>
                  {productChoices(row.productId).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField
                label={t("ratePercent")}
                hideLabel
                htmlFor={`product-rate-${row.key}`}
                error={rowField(row.key, "rateBps")}
                className="w-28"
              >
                <Input
                  name={`productRate-${row.key}`}
                  inputMode="decimal"
                  dir="ltr"
                  placeholder={t("ratePlaceholder")}
                  defaultValue={row.rate}
                />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="mt-0.5"
                aria-label={t("removeProductRate")}
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                data-testid="remove-product-rate"
              >
                <X className="size-4" />
              </Button>
            </li>
          ))}
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
          <Button type="submit" loading={pending} data-testid="save-plan">
            {t("savePlan")}
          </Button>
        ) : (
          <Button type="submit" loading={pending} data-testid="publish-version">
            {t("publish")}
          </Button>
        )}
      </div>
    </form>
  );
}
