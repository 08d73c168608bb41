"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { systemClock } from "@/lib/clock";
import { isLocale } from "@/i18n/config";
import { signIn } from "@/server/auth";
import { clientIp } from "@/server/security/client-address";
import { getDb } from "@/server/db/client";
import { SYSTEM } from "@/server/domains/actor";
import { DomainError } from "@/server/domains/errors";
import { acceptInvitation, acceptInvitationInput } from "@/server/domains/partners/invitations";
import { describeError, toTRPCError } from "@/server/trpc/errors";

export interface AcceptInvitationState {
  /** Translated messages by field: name, password, acceptTerms. */
  fieldErrors: Record<string, string>;
  /** A message that belongs to no field (the link itself, or a summary). */
  message: string | null;
  /** The account exists now but signing in failed: the person continues from the sign-in page. */
  signInFailed: boolean;
  /** What the person typed, to refill the form (never the password). */
  name: string;
}

/**
 * Accepts an invitation from its page, then signs the person in: with the password they chose,
 * or by emailing them a sign-in link.
 */
export async function acceptInvitationAction(
  _prev: AcceptInvitationState,
  formData: FormData,
): Promise<AcceptInvitationState> {
  const method = formData.get("method") === "link" ? "link" : "password";
  const name = String(formData.get("name") ?? "");
  const raw = {
    token: String(formData.get("token") ?? ""),
    name,
    password: method === "password" ? String(formData.get("password") ?? "") : undefined,
    termsId: String(formData.get("termsId") ?? ""),
    acceptTerms: formData.get("acceptTerms") === "on",
  };
  const localeValue = await getLocale();
  const locale = isLocale(localeValue) ? localeValue : "en";
  const t = await getTranslations("errors");
  const failed = (fieldErrors: Record<string, string>, message: string | null): AcceptInvitationState => ({
    fieldErrors,
    message,
    signInFailed: false,
    name,
  });

  const parsed = acceptInvitationInput.safeParse(raw);
  if (!parsed.success) {
    const { message, data } = describeError(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }), locale);
    const fieldErrors = { ...(data.fieldErrors ?? {}) };
    if (fieldErrors.acceptTerms) fieldErrors.acceptTerms = t("terms.mustAccept");
    if (fieldErrors.termsId) fieldErrors.acceptTerms ??= fieldErrors.termsId;
    // A malformed link has no field to sit beside.
    const tokenMessage = fieldErrors.token ? t("invitation.unknown") : null;
    return failed(fieldErrors, tokenMessage ?? message);
  }

  let email: string;
  try {
    const result = await acceptInvitation(
      { db: await getDb(), actor: SYSTEM, clock: systemClock },
      { ...parsed.data, ip: clientIp(await headers()) },
    );
    email = result.email;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { message, data } = describeError(toTRPCError(error), locale);
    const fields = data.fieldErrors ?? {};
    // Terms that changed while the person read them: shown beside the checkbox.
    if (fields.termsId) return failed({ acceptTerms: fields.termsId }, null);
    return failed({}, message);
  }

  if (parsed.data.password) {
    try {
      await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/dashboard" });
    } catch (error) {
      if (error instanceof AuthError) return { fieldErrors: {}, message: null, signInFailed: true, name };
      throw error; // the redirect after a successful sign-in
    }
    return { fieldErrors: {}, message: null, signInFailed: true, name };
  }

  try {
    await signIn("email", { email, redirect: false, redirectTo: "/dashboard" });
  } catch (error) {
    if (error instanceof AuthError) return { fieldErrors: {}, message: null, signInFailed: true, name };
    throw error;
  }
  redirect("/login/check-email");
}
