"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useCallback, type FormEvent } from "react";
import { useFormErrors } from "./use-form-errors";
import { useMutationFeedback } from "./use-mutation-feedback";

export interface FormMutationConfig<TData, TError, TVariables> {
  /** The confirmation toasted when the server accepts; the server page is then re-rendered. */
  done?: string | ((data: TData, variables: TVariables) => string);
  /** Re-render the server page after `done` (default true; false when `onSuccess` navigates away). */
  refresh?: boolean;
  /** After the errors are cleared, before the confirmation (close a dialog, reset the form, navigate). */
  onSuccess?: (data: TData, variables: TVariables) => void;
  /** After the server's field errors are set. */
  onError?: (error: TError) => void;
}

/**
 * What the form sends, read from its fields when it is submitted; null (or undefined) sends
 * nothing: the reader found a problem and set it with `setField`.
 */
export type FormReader<TVariables> = (
  data: FormData,
  form: HTMLFormElement,
) => TVariables | null | undefined | Promise<TVariables | null | undefined>;

/**
 * A form's mutation: `submit(read)` is its onSubmit (prevent the page load, clear the old errors,
 * read the fields, send); `errors` are the server's per-field messages and its form message,
 * translated; `pending` while the server works. On success the errors are cleared and `done` is
 * toasted. Pass `trpc.<router>.<procedure>.mutationOptions()` without callbacks.
 */
export function useFormMutation<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  config: FormMutationConfig<TData, TError, TVariables> = {},
) {
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const feedback = useMutationFeedback();
  const { done, refresh, onSuccess, onError } = config;
  const mutation = useMutation<TData, TError, TVariables, TContext>({
    ...options,
    onSuccess: (data, variables) => {
      clear();
      onSuccess?.(data, variables);
      if (done !== undefined) feedback.done(typeof done === "function" ? done(data, variables) : done, { refresh });
    },
    onError: (error) => {
      fromError(error);
      onError?.(error);
    },
  });
  const { mutate } = mutation;

  /** Sends values the form holds itself (controlled fields, a button outside a form). */
  const send = useCallback(
    (variables: TVariables) => {
      clear();
      mutate(variables);
    },
    [clear, mutate],
  );

  const submit = useCallback(
    (read: FormReader<TVariables>) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      clear();
      const variables = await read(new FormData(form), form);
      if (variables !== null && variables !== undefined) mutate(variables);
    },
    [clear, mutate],
  );

  return { submit, send, errors, field, setField, clear, pending: mutation.isPending, mutation };
}
