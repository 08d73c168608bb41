"use client";
import { FallbackNote } from "@/components/content/localized-text";
import type { LocalizedText } from "@/lib/localized";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Button, Card, CardBody, CheckboxField, FormField, Input, buttonClasses, cn } from "@/components/ui";
import { acceptInvitationAction, type AcceptInvitationState } from "./actions";

type Method = "password" | "link";

export function AcceptInvitationForm({
  token,
  company,
  email,
  name,
  hasPassword,
  terms,
}: {
  token: string;
  company: string;
  email: string;
  name: string;
  hasPassword: boolean;
  terms: { id: string; version: number; body: LocalizedText };
}) {
  const t = useTranslations("invite");
  const tm = useTranslations("markdown");
  const [state, action, pending] = useActionState(acceptInvitationAction, {
    fieldErrors: {},
    message: null,
    signInFailed: false,
    name,
  } satisfies AcceptInvitationState);
  const [method, setMethod] = useState<Method>("password");
  const [accepted, setAccepted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const field = (key: string) => state.fieldErrors[key];

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  if (state.signInFailed) {
    return (
      <Card>
        <CardBody className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold">{t("joined.title", { company })}</h1>
          <p
            role="status"
            className="mt-4 rounded-md bg-success-50 px-3 py-2 text-sm text-success-800"
            data-testid="invitation-accepted"
          >
            {t("joined.body")}
          </p>
          <Link href="/login" className={buttonClasses("primary", "md", "mt-6 w-full")}>
            {t("signIn")}
          </Link>
        </CardBody>
      </Card>
    );
  }

  const passwordHint = hasPassword ? t("passwordHintExisting") : t("passwordHint");
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title", { company })}</h1>
        <p className="mt-1 text-sm text-muted">{t("subtitle")}</p>
        <form
          ref={formRef}
          noValidate
          className="mt-6 space-y-5"
          // Submitted by hand rather than through `action`, so a refused attempt keeps what was typed.
          onSubmit={(event) => {
            event.preventDefault();
            const formData = new FormData(event.currentTarget);
            startTransition(() => action(formData));
          }}
        >
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="termsId" value={terms.id} />
          {state.message ? (
            <p
              role="alert"
              className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800"
              data-testid="invitation-error"
            >
              {state.message}
            </p>
          ) : null}
          <FormField label={t("email")} htmlFor="invite-email" hint={t("emailHint")}>
            <Input
              type="email"
              dir="ltr"
              value={email}
              readOnly
              aria-readonly="true"
              autoComplete="username"
              className="bg-surface-sunken"
            />
          </FormField>
          <FormField label={t("name")} htmlFor="name" error={field("name")} required>
            <Input name="name" autoComplete="name" required maxLength={120} defaultValue={state.name} />
          </FormField>

          <fieldset>
            <legend className="text-sm font-medium text-neutral-900">{t("method.legend")}</legend>
            <div className="mt-1.5 space-y-2">
              {(["password", "link"] as const).map((m) => (
                <label
                  key={m}
                  className={cn(
                    "flex cursor-pointer gap-2 rounded-md border border-border-strong bg-surface p-3 text-sm transition-colors hover:border-neutral-400",
                    "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50",
                  )}
                >
                  <input
                    type="radio"
                    name="method"
                    value={m}
                    checked={method === m}
                    onChange={() => setMethod(m)}
                    className="mt-0.5 size-4 shrink-0 accent-brand-600"
                    data-testid={`method-${m}`}
                  />
                  <span>
                    <span className="block font-medium text-neutral-900">{t(`method.${m}`)}</span>
                    <span className="mt-0.5 block text-xs text-muted">{t(`method.${m}Hint`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {method === "password" ? (
            <FormField label={t("password")} htmlFor="password" error={field("password")} hint={passwordHint} required>
              <Input
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={10}
                maxLength={200}
              />
            </FormField>
          ) : null}

          <section aria-labelledby="terms-heading" className="space-y-3">
            <h2 id="terms-heading" className="text-sm font-semibold text-neutral-900">
              {t("termsTitle", { version: terms.version })}
              {terms.body.fallback ? <FallbackNote lang={terms.body.lang} className="font-normal" /> : null}
            </h2>
            <div
              role="region"
              aria-labelledby="terms-heading"
              tabIndex={0}
              className="max-h-64 overflow-y-auto rounded-md border border-border bg-surface-subtle p-4"
              data-testid="terms-body"
              lang={terms.body.lang}
              dir={terms.body.lang === "ar" ? "rtl" : "ltr"}
            >
              <Markdown source={terms.body.text} newTabLabel={tm("newTab")} />
            </div>
            <CheckboxField
              id="acceptTerms"
              name="acceptTerms"
              label={t("acceptTerms")}
              required
              checked={accepted}
              onChange={setAccepted}
              error={field("acceptTerms")}
            />
          </section>

          <Button type="submit" className="w-full" loading={pending} data-testid="accept-invitation">
            {method === "password" ? t("submitPassword") : t("submitLink")}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
