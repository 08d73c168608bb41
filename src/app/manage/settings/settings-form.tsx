"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CheckboxField,
  FormField,
  Input,
  FormAlert,
  Select,
} from "@/components/ui";
import { CurrencyField, MoneyField } from "@/components/money";
import { moneyAmount } from "@/lib/money";
import { TIER_REVIEW_MONTHS } from "@/lib/tier-review";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

interface Values {
  name: string;
  currency: string;
  attributionWindowDays: number;
  holdPeriodDays: number;
  minimumPayout: string;
  leadProtectionDays: number;
  leadExpiryDays: number;
  leadDailyLimit: number;
  payoutSchedule: "manual" | "monthly";
  /** NaN while the field is empty. */
  payoutDayOfMonth: number;
  bankPayoutsAllowed: boolean;
  taxDetailsRequired: boolean;
  /** NaN while the field is empty. */
  tierGraceDays: number;
  tierReviewMonths: (typeof TIER_REVIEW_MONTHS)[number];
  /** The vendor's home page; "" for none. */
  websiteUrl: string;
}

const SCHEDULES = ["manual", "monthly"] as const;

const NUMBER_FIELDS = [
  "attributionWindowDays",
  "holdPeriodDays",
  "leadProtectionDays",
  "leadExpiryDays",
  "leadDailyLimit",
] as const;

export function ProgramSettingsForm({ initial, currencies }: { initial: Values; currencies: string[] }) {
  const t = useTranslations("settings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [values, setValues] = useState(initial);
  const { submit, errors, field, setField, pending } = useFormMutation(
    trpc.manage.program.updateSettings.mutationOptions(),
    {
      done: t("saved"),
    },
  );

  const onSubmit = submit(() => {
    // The same parser and range as the server; a malformed amount gets this form's own example.
    const minimumPayout = moneyAmount(values.currency, "nonNegative").safeParse(values.minimumPayout);
    if (!minimumPayout.success) {
      // The parser's codes are keys under errors.money; a malformed amount gets this form's example.
      const reason = (minimumPayout.error.issues[0]?.message ?? "money.invalid").replace(/^money\./, "");
      setField("minimumPayoutMinor", reason === "invalid" ? te("validation.amount") : te(`money.${reason}`));
      return null;
    }
    const { minimumPayout: _shown, payoutDayOfMonth, websiteUrl, ...rest } = values;
    // An empty day is no day; the server refuses a monthly schedule without one, on this field.
    return {
      ...rest,
      minimumPayoutMinor: minimumPayout.data,
      payoutDayOfMonth: Number.isNaN(payoutDayOfMonth) ? null : payoutDayOfMonth,
      // An empty website is none: links lead to the portal's own address.
      websiteUrl: websiteUrl.trim() === "" ? null : websiteUrl.trim(),
    };
  });

  const dayInput = (name: (typeof NUMBER_FIELDS)[number]) => (
    <FormField key={name} label={t(`fields.${name}`)} htmlFor={name} error={field(name)} hint={t(`hints.${name}`)}>
      <Input
        type="number"
        inputMode="numeric"
        min={0}
        value={Number.isNaN(values[name]) ? "" : values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.valueAsNumber }))}
      />
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <FormAlert
            message={Object.keys(errors.fields).length === 0 ? errors.message : null}
            className="sm:col-span-2"
          />
          <FormField label={t("fields.name")} htmlFor="name" error={field("name")}>
            <Input value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
          </FormField>
          <FormField
            label={t("fields.websiteUrl")}
            htmlFor="websiteUrl"
            error={field("websiteUrl")}
            hint={t("hints.websiteUrl")}
          >
            <Input
              type="url"
              inputMode="url"
              dir="ltr"
              placeholder="https://"
              value={values.websiteUrl}
              onChange={(e) => setValues((v) => ({ ...v, websiteUrl: e.target.value }))}
            />
          </FormField>
          <CurrencyField
            id="currency"
            label={t("fields.currency")}
            error={field("currency")}
            hint={t("hints.currency")}
            currencies={currencies}
            value={values.currency}
            onChange={(e) => setValues((v) => ({ ...v, currency: e.target.value }))}
          />
          <MoneyField
            id="minimumPayoutMinor"
            label={t("fields.minimumPayout", { currency: values.currency })}
            error={field("minimumPayoutMinor")}
            hint={t("hints.minimumPayout")}
            value={values.minimumPayout}
            onChange={(e) => setValues((v) => ({ ...v, minimumPayout: e.target.value }))}
          />
          {NUMBER_FIELDS.map(dayInput)}
          <fieldset
            className="grid gap-5 border-t border-border pt-5 sm:col-span-2 sm:grid-cols-2"
            data-testid="payout-settings"
          >
            <legend className="sr-only">{t("payoutsSection")}</legend>
            <div className="sm:col-span-2" aria-hidden>
              <p className="text-sm font-semibold text-neutral-900">{t("payoutsSection")}</p>
              <p className="text-sm text-muted">{t("payoutsSectionHint")}</p>
            </div>
            <FormField
              label={t("fields.payoutSchedule")}
              htmlFor="payoutSchedule"
              error={field("payoutSchedule")}
              hint={t("hints.payoutSchedule")}
            >
              <Select
                value={values.payoutSchedule}
                onChange={(e) =>
                  setValues((v) => ({ ...v, payoutSchedule: e.target.value === "monthly" ? "monthly" : "manual" }))
                }
              >
                {SCHEDULES.map((s) => (
                  <option key={s} value={s}>
                    {t(`schedules.${s}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            {values.payoutSchedule === "monthly" ? (
              <FormField
                label={t("fields.payoutDayOfMonth")}
                htmlFor="payoutDayOfMonth"
                error={field("payoutDayOfMonth")}
                hint={t("hints.payoutDayOfMonth")}
                required
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={28}
                  required
                  value={Number.isNaN(values.payoutDayOfMonth) ? "" : values.payoutDayOfMonth}
                  onChange={(e) => setValues((v) => ({ ...v, payoutDayOfMonth: e.target.valueAsNumber }))}
                />
              </FormField>
            ) : (
              <div aria-hidden className="hidden sm:block" />
            )}
            <CheckboxField
              id="bankPayoutsAllowed"
              label={t("fields.bankPayoutsAllowed")}
              hint={t("hints.bankPayoutsAllowed")}
              error={field("bankPayoutsAllowed")}
              checked={values.bankPayoutsAllowed}
              onChange={(checked) => setValues((v) => ({ ...v, bankPayoutsAllowed: checked }))}
            />
            <CheckboxField
              id="taxDetailsRequired"
              label={t("fields.taxDetailsRequired")}
              hint={t("hints.taxDetailsRequired")}
              error={field("taxDetailsRequired")}
              checked={values.taxDetailsRequired}
              onChange={(checked) => setValues((v) => ({ ...v, taxDetailsRequired: checked }))}
            />
          </fieldset>
          <fieldset
            className="grid gap-5 border-t border-border pt-5 sm:col-span-2 sm:grid-cols-2"
            data-testid="tier-settings"
          >
            <legend className="sr-only">{t("tiersSection")}</legend>
            <div className="sm:col-span-2" aria-hidden>
              <p className="text-sm font-semibold text-neutral-900">{t("tiersSection")}</p>
              <p className="text-sm text-muted">{t("tiersSectionHint")}</p>
            </div>
            <FormField
              label={t("fields.tierGraceDays")}
              htmlFor="tierGraceDays"
              error={field("tierGraceDays")}
              hint={t("hints.tierGraceDays")}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={0}
                max={730}
                value={Number.isNaN(values.tierGraceDays) ? "" : values.tierGraceDays}
                onChange={(e) => setValues((v) => ({ ...v, tierGraceDays: e.target.valueAsNumber }))}
              />
            </FormField>
            <FormField
              label={t("fields.tierReviewMonths")}
              htmlFor="tierReviewMonths"
              error={field("tierReviewMonths")}
              hint={t("hints.tierReviewMonths")}
            >
              <Select
                value={values.tierReviewMonths}
                onChange={(e) =>
                  setValues((v) => ({
                    ...v,
                    tierReviewMonths:
                      TIER_REVIEW_MONTHS.find((m) => m === Number(e.target.value)) ?? v.tierReviewMonths,
                  }))
                }
              >
                {TIER_REVIEW_MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {t("reviewCadences", { months: m })}
                  </option>
                ))}
              </Select>
            </FormField>
          </fieldset>
        </CardBody>
        <CardFooter className="flex justify-end">
          <Button type="submit" loading={pending}>
            {t("save")}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
