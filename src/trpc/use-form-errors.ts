"use client";

import { useCallback, useState } from "react";
import { formErrorsOf, type FormErrors } from "./form-errors";

/** Field errors for a form: from the server's answer, or set locally before sending. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, message: null });
  const fromError = useCallback((error: unknown) => setErrors(formErrorsOf(error)), []);
  const clear = useCallback(() => setErrors({ fields: {}, message: null }), []);
  const setField = useCallback(
    (field: string, message: string) => setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: message } })),
    [],
  );
  return { errors, fromError, clear, setField, field: (name: string) => errors.fields[name] };
}
