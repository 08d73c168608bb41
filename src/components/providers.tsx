"use client";

import type { ReactNode } from "react";
import { ToastProvider, useToast } from "@/components/ui";
import { TrpcReactProvider } from "@/trpc/client";
import { NotifyProvider } from "@/trpc/notify";

/** The tRPC glue confirms and refuses through the app's toasts. */
function ToastNotify({ children }: { children: ReactNode }) {
  const { toast } = useToast();
  return <NotifyProvider notify={toast}>{children}</NotifyProvider>;
}

export function Providers({
  children,
  dismissLabel,
  regionLabel,
}: {
  children: ReactNode;
  dismissLabel: string;
  regionLabel: string;
}) {
  return (
    <TrpcReactProvider>
      <ToastProvider dismissLabel={dismissLabel} regionLabel={regionLabel}>
        <ToastNotify>{children}</ToastNotify>
      </ToastProvider>
    </TrpcReactProvider>
  );
}
