"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Card, CardBody, CardFooter, FormField, Input, Select, fieldDescribedBy, FormAlert } from "@/components/ui";
import { moneyAmount } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

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

const NUMBER_FIELDS = ["attributionWindowDays", "holdPeriodDays", "leadProtectionDays", "leadExpiryDays", "leadDailyLimit"] as const;

export function ProgramSettingsForm({ initial, currencies }: { initial: Values; currencies: string[] }) {
  const t = useTranslations("settings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const [values, setValues] = useState(initial);
  const save = useMutation(
    trpc.program.updateSettings.mutationOptions({
      onSuccess: () => {
        clear();
        feedback.done(t("saved"));
      },
      onError: fromError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    // The same parser and range as the server; a malformed amount gets this form's own example.
    const minimumPayout = moneyAmount(values.currency, "nonNegative").safeParse(values.minimumPayout);
    if (!minimumPayout.success) {
      const code = minimumPayout.error.issues[0]?.message ?? "money.invalid";
      setField("minimumPayoutMinor", te(code === "money.invalid" ? "validation.amount" : code));
      return;
    }
    const { minimumPayout: _shown, ...rest } = values;
    save.mutate({ ...rest, minimumPayoutMinor: minimumPayout.data });
  }

  const dayInput = (name: (typeof NUMBER_FIELDS)[number]) => (
    <FormField key={name} label={t(`fields.${name}`)} htmlFor={name} error={field(name)} hint={t(`hints.${name}`)}>
      <Input
        id={name}
        type="number"
        inputMode="numeric"
        min={0}
        value={Number.isNaN(values[name]) ? "" : values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.valueAsNumber }))}
        aria-invalid={field(name) ? true : undefined}
        aria-describedby={fieldDescribedBy(name, { error: field(name), hint: t(`hints.${name}`) })}
      />
    </FormField>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Card>
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} className="sm:col-span-2" />
          <FormField label={t("fields.name")} htmlFor="name" error={field("name")}>
            <Input id="name" value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} aria-invalid={field("name") ? true : undefined} aria-describedby={fieldDescribedBy("name", { error: field("name") })} />
          </FormField>
          <FormField label={t("fields.currency")} htmlFor="currency" error={field("currency")} hint={t("hints.currency")}>
            <Select id="currency" value={values.currency} onChange={(e) => setValues((v) => ({ ...v, currency: e.target.value }))} aria-describedby={fieldDescribedBy("currency", { error: field("currency"), hint: t("hints.currency") })}>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.minimumPayout", { currency: values.currency })} htmlFor="minimumPayoutMinor" error={field("minimumPayoutMinor")} hint={t("hints.minimumPayout")}>
            <Input
              id="minimumPayoutMinor"
              inputMode="decimal"
              dir="ltr"
              value={values.minimumPayout}
              onChange={(e) => setValues((v) => ({ ...v, minimumPayout: e.target.value }))}
              aria-invalid={field("minimumPayoutMinor") ? true : undefined}
              aria-describedby={fieldDescribedBy("minimumPayoutMinor", { error: field("minimumPayoutMinor"), hint: t("hints.minimumPayout") })}
            />
          </FormField>
          {NUMBER_FIELDS.map(dayInput)}
        </CardBody>
        <CardFooter className="flex justify-end">
          <Button type="submit" loading={save.isPending}>
            {t("save")}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
