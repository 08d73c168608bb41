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
