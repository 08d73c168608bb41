"use client";

import { createContext, useContext, type ReactNode } from "react";

/** A short message to the person about what the server answered (a confirmation or a refusal). */
export type Notify = (message: { title: string; tone: "success" | "danger" }) => void;

const NotifyContext = createContext<Notify | null>(null);

/**
 * How the glue speaks to the person: the app's toasts, handed in from above (the providers), since
 * the glue sits below the components and may not import them.
 */
export function NotifyProvider({ notify, children }: { notify: Notify; children: ReactNode }) {
  return <NotifyContext.Provider value={notify}>{children}</NotifyContext.Provider>;
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error("useNotify must be used inside <NotifyProvider>");
  return notify;
}
