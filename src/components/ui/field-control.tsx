"use client";

import { createContext, useContext, type AriaAttributes } from "react";

/** What a FormField gives the one control inside it. */
export interface FieldControl {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export const FieldControlContext = createContext<FieldControl | null>(null);

type ControlProps = { id?: string; "aria-invalid"?: AriaAttributes["aria-invalid"]; "aria-describedby"?: string };

/**
 * A control's props with the id, `aria-invalid` and `aria-describedby` of the FormField around it
 * filled in; what the control sets itself wins. Input, Select, Textarea, FileInput and the
 * partner picker read it, so forms never write these by hand. Outside a FormField: the props as given.
 */
export function useFieldControl<P extends ControlProps>(props: P): P {
  const field = useContext(FieldControlContext);
  if (!field) return props;
  return {
    ...props,
    id: props.id ?? field.id,
    "aria-invalid": props["aria-invalid"] ?? field["aria-invalid"],
    "aria-describedby": props["aria-describedby"] ?? field["aria-describedby"],
  };
}
