import { TRPCClientError } from "@trpc/client";

/** Per-field messages (already translated by the server) from a failed tRPC call. */
export interface FormErrors {
  fields: Record<string, string>;
  message: string | null;
}

export function formErrorsOf(error: unknown): FormErrors {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string> | null } | undefined;
    return { fields: data?.fieldErrors ?? {}, message: error.message };
  }
  return { fields: {}, message: null };
}

/** The refusal to show at the top of a form: only when no field the form shows carries it. */
export function formMessage(errors: FormErrors, visible: string[]): string | null {
  return errors.message && !visible.some((name) => errors.fields[name]) ? errors.message : null;
}
