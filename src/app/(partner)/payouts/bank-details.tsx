"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ChoiceFieldset, FormAlert, FormField, Input, Select } from "@/components/ui";
import type { CountryOption } from "@/lib/countries";
import type { PayoutAccountView } from "@/server/domains/payouts/settings";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

const FIELDS = ["accountHolder", "iban", "accountNumber", "routingCode", "bankName", "bankCountry"] as const;

/**
 * The bank account the program pays by transfer. What is saved shows masked (the whole number
 * never comes back from the server), so changing it means typing it again.
 */
export function BankDetails({
  bank,
  canEdit,
  countries,
  countryName,
}: {
  bank: PayoutAccountView["bank"];
  canEdit: boolean;
  countries: CountryOption[];
  countryName: string | null;
}) {
  const t = useTranslations("payoutsPortal.bank");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  // Closed until asked for: most partners are paid through Stripe and never need the form.
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<"iban" | "account">(bank?.kind ?? "iban");
  const { submit, errors, field, pending } = useFormMutation(trpc.partner.payouts.saveBank.mutationOptions(), {
    done: t("saved"),
    onSuccess: () => setEditing(false),
  });
  const onSubmit = submit((data) => {
    const text = (name: (typeof FIELDS)[number]) => String(data.get(name) ?? "").trim();
    return {
      accountHolder: text("accountHolder"),
      iban: kind === "iban" ? text("iban") : "",
      accountNumber: kind === "account" ? text("accountNumber") : "",
      routingCode: kind === "account" ? text("routingCode") : "",
      bankName: text("bankName"),
      bankCountry: text("bankCountry"),
    };
  });

  const summary = bank ? (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="bank-summary">
      <dt className="text-muted">{t("accountHolder")}</dt>
      <dd dir="auto">{bank.accountHolder}</dd>
      <dt className="text-muted">{bank.kind === "iban" ? t("iban") : t("accountNumber")}</dt>
      <dd>
        <bdi dir="ltr" className="font-mono">
          •••• {bank.accountLast4}
        </bdi>
      </dd>
      <dt className="text-muted">{t("bankName")}</dt>
      <dd dir="auto">
        {bank.bankName}
        {countryName ? <span className="text-muted"> · {countryName}</span> : null}
      </dd>
    </dl>
  ) : (
    <p className="text-sm text-muted">{t("none")}</p>
  );

  if (!canEdit || !editing) {
    return (
      <div className="space-y-3">
        {summary}
        {canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)} data-testid="edit-bank">
            {bank ? t("change") : t("add")}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="bank-form">
      <FormAlert message={formMessage(errors, [...FIELDS])} className="sm:col-span-2" />
      {bank ? <p className="text-sm text-muted sm:col-span-2">{t("retypeHint")}</p> : null}
      <FormField
        label={t("accountHolder")}
        htmlFor="bank-holder"
        hint={t("accountHolderHint")}
        error={field("accountHolder")}
        required
        className="sm:col-span-2"
      >
        <Input
          name="accountHolder"
          defaultValue={bank?.accountHolder ?? ""}
          autoComplete="name"
          required
          maxLength={140}
          dir="auto"
        />
      </FormField>
      <ChoiceFieldset id="bank-kind" legend={t("kind")} className="sm:col-span-2">
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {(["iban", "account"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
                className="size-4 accent-brand-600"
              />
              {t(`kinds.${option}`)}
            </label>
          ))}
        </div>
      </ChoiceFieldset>
      {kind === "iban" ? (
        <FormField
          label={t("iban")}
          htmlFor="bank-iban"
          hint={t("ibanHint")}
          error={field("iban")}
          required
          className="sm:col-span-2"
        >
          <Input
            name="iban"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={42}
            className="font-mono"
            placeholder="DE89 3704 0044 0532 0130 00"
          />
        </FormField>
      ) : (
        <>
          <FormField label={t("accountNumber")} htmlFor="bank-account" error={field("accountNumber")} required>
            <Input
              name="accountNumber"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={34}
              className="font-mono"
            />
          </FormField>
          <FormField
            label={t("routingCode")}
            htmlFor="bank-routing"
            hint={t("routingCodeHint")}
            error={field("routingCode")}
            required
          >
            <Input
              name="routingCode"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={20}
              className="font-mono"
            />
          </FormField>
        </>
      )}
      <FormField label={t("bankName")} htmlFor="bank-name" error={field("bankName")} required>
        <Input name="bankName" defaultValue={bank?.bankName ?? ""} required maxLength={140} dir="auto" />
      </FormField>
      <FormField label={t("bankCountry")} htmlFor="bank-country" error={field("bankCountry")} required>
        <Select name="bankCountry" defaultValue={bank?.bankCountry ?? ""} required>
          <option value="" disabled>
            {t("countryPlaceholder")}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex flex-wrap justify-end gap-2 sm:col-span-2">
        <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
          {tc("cancel")}
        </Button>
        <Button type="submit" loading={pending} data-testid="save-bank">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
