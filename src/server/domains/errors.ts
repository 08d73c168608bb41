/**
 * Typed domain errors. `code` is a message key (errors.<code>) translated for the caller by the
 * one error mapper; `field` names the input field a form should show it beside.
 */
export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "invalid" | "rate_limited" | "unauthorized";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(code = "notFound", field?: string) {
    super("not_found", code, field);
  }
}
export class ForbiddenError extends DomainError {
  constructor(code = "forbidden") {
    super("forbidden", code);
  }
}
export class ConflictError extends DomainError {
  constructor(code: string, field?: string) {
    super("conflict", code, field);
  }
}
export class InvalidError extends DomainError {
  constructor(code: string, field?: string, params?: Record<string, string | number>) {
    super("invalid", code, field, params);
  }
}
export class RateLimitedError extends DomainError {
  constructor(code: string, retryAfterSeconds: number) {
    super("rate_limited", code, undefined, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}
