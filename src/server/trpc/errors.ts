import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { createTranslator } from "use-intl/core";
import { ZodError, type z } from "zod";
import { messagesByLocale } from "@/i18n/config";
import type { Locale } from "@/i18n/config";
import { DomainError, type DomainErrorKind } from "@/server/domains/errors";

const CODE_BY_KIND: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
  unauthorized: "UNAUTHORIZED",
};

/** Turns a domain error into a tRPC error; the formatter translates it. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_BY_KIND[error.kind], message: error.code, cause: error });
}

type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

function translator(locale: Locale): Translate {
  const raw = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "errors" });
  const t = raw as unknown as (key: string, values?: Record<string, string | number>) => string;
  const has = raw.has as (key: string) => boolean;
  return Object.assign(
    (key: string, values?: Record<string, string | number>) => (has(key) ? t(key, values) : t("generic")),
    { has },
  );
}

/** A message key under `errors` in the caller's language (the generic message for an unknown one). */
export function errorMessage(code: string, locale: Locale, values?: Record<string, string | number>): string {
  return translator(locale)(code, values);
}

/** One message for one Zod issue, in the caller's language. */
function issueMessage(t: Translate, issue: z.core.$ZodIssue): string {
  // A schema that names its own message key (refine, regex, literal, enum) is taken at its word.
  if (issue.message && t.has(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "too_small":
      return issue.minimum === 1 && issue.origin === "string"
        ? t("validation.required")
        : t(`validation.tooSmall.${issue.origin === "string" ? "string" : "number"}`, { min: String(issue.minimum) });
    case "too_big":
      return t(`validation.tooBig.${issue.origin === "string" ? "string" : "number"}`, { max: String(issue.maximum) });
    case "invalid_format":
      return t(
        issue.format === "email" ? "validation.email" : issue.format === "url" ? "validation.url" : "validation.format",
      );
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? t("validation.required") : t("validation.invalid");
    case "invalid_value":
      return t("validation.choice");
    case "custom":
      return t(issue.message);
    default:
      return t("validation.invalid");
  }
}

export interface ErrorShapeData {
  /** Per-field messages, keyed by the input's field path ("email", "address.city"). */
  fieldErrors: Record<string, string> | null;
  /** The domain error's code (a message key), when a rule refused the request. */
  domainCode: string | null;
}

export function describeError(error: TRPCError, locale: Locale): { message: string; data: ErrorShapeData } {
  const t = translator(locale);
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.join(".") || "_form";
      fieldErrors[path] ??= issueMessage(t, issue);
    }
    return { message: t("validation.summary"), data: { fieldErrors, domainCode: null } };
  }
  if (cause instanceof DomainError) {
    const message = t(cause.code, cause.params);
    return { message, data: { fieldErrors: cause.field ? { [cause.field]: message } : null, domainCode: cause.code } };
  }
  const generic: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
    UNAUTHORIZED: "unauthorized",
    FORBIDDEN: "forbidden",
    NOT_FOUND: "notFound",
    TOO_MANY_REQUESTS: "rateLimitedGeneric",
  };
  return { message: t(generic[error.code] ?? "generic"), data: { fieldErrors: null, domainCode: null } };
}

/** A refusal that is reported rather than thrown (a row of an import, one lead of a bulk action), translated. */
export function explainRefusal(
  error: ZodError | DomainError,
  locale: Locale,
): { message: string; fields: Record<string, string> } {
  const { message, data } = describeError(new TRPCError({ code: "BAD_REQUEST", cause: error }), locale);
  return { message, fields: data.fieldErrors ?? {} };
}
