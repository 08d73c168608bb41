"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button, Card, CardBody, FormField, Input } from "@/components/ui";
import { requestSignInLink, signInWithPassword, type SignInState } from "./actions";

const initial: SignInState = { error: null, email: "" };

export function LoginForms({ callbackUrl, linkError }: { callbackUrl: string; linkError: string | null }) {
  const t = useTranslations("login");
  const [mode, setMode] = useState<"password" | "link">("password");
  const [passwordState, passwordAction, passwordPending] = useActionState(signInWithPassword, initial);
  const [linkState, linkAction, linkPending] = useActionState(requestSignInLink, initial);
  const state = mode === "password" ? passwordState : linkState;
  const [code, minutes] = (state.error ?? "").split(":");
  // Password sign-in is paused for this address and network; the emailed link never is.
  const offerLink = mode === "password" && code === "rate_limited";
  const message = state.error
    ? code === "rate_limited"
      ? t("errors.rateLimited", { minutes: Number(minutes) || 15 })
      : t.has(`errors.${code}`)
        ? t(`errors.${code}` as never)
        : t("errors.generic")
    : linkError
      ? t("errors.link")
      : null;
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("subtitle")}</p>
        <div
          role="tablist"
          aria-label={t("methods")}
          className="mt-6 grid grid-cols-2 rounded-md bg-surface-sunken p-1 text-sm"
        >
          {(["password", "link"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-3 py-1.5 font-medium ${mode === m ? "bg-surface shadow-xs" : "text-muted-strong"}`}
            >
              {t(`method.${m}`)}
            </button>
          ))}
        </div>
        {message ? (
          <div
            role="alert"
            className="mt-4 rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800"
            data-testid="login-error"
          >
            <p>{message}</p>
            {offerLink ? (
              <button
                type="button"
                onClick={() => setMode("link")}
                className="mt-2 font-medium text-brand-700 underline"
                data-testid="use-link-instead"
              >
                {t("useLinkInstead")}
              </button>
            ) : null}
          </div>
        ) : null}
        {mode === "password" ? (
          <form action={passwordAction} className="mt-4 space-y-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <FormField label={t("email")} htmlFor="email">
              <Input
                name="email"
                type="email"
                dir="ltr"
                autoComplete="username"
                required
                defaultValue={passwordState.email}
              />
            </FormField>
            <FormField label={t("password")} htmlFor="password">
              <Input name="password" type="password" autoComplete="current-password" required />
            </FormField>
            <div className="flex items-center justify-between">
              <Link href="/forgot" className="text-sm text-brand-700 hover:underline">
                {t("forgot")}
              </Link>
            </div>
            <Button type="submit" className="w-full" loading={passwordPending}>
              {t("submit")}
            </Button>
          </form>
        ) : (
          <form action={linkAction} className="mt-4 space-y-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <FormField label={t("email")} htmlFor="link-email" hint={t("linkHint")}>
              <Input
                name="email"
                type="email"
                dir="ltr"
                autoComplete="username"
                required
                defaultValue={linkState.email || passwordState.email}
              />
            </FormField>
            <Button type="submit" className="w-full" loading={linkPending}>
              {t("sendLink")}
            </Button>
          </form>
        )}
        <p className="mt-6 border-t border-border pt-4 text-center text-sm text-muted">
          {t("applyPrompt")}{" "}
          <Link href="/apply" className="font-medium text-brand-700 hover:underline">
            {t("applyLink")}
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}
