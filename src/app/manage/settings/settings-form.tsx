"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Card, CardBody, CardFooter, FormField, Input, FormAlert } from "@/components/ui";
import { CurrencyField, MoneyField } from "@/components/money";
import { moneyAmount } from "@/lib/money";
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
}

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
      const code = minimumPayout.error.issues[0]?.message ?? "money.invalid";
      setField("minimumPayoutMinor", te(code === "money.invalid" ? "validation.amount" : code));
      return null;
    }
    const { minimumPayout: _shown, ...rest } = values;
    return { ...rest, minimumPayoutMinor: minimumPayout.data };
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
