"use client";

import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui";
import { TrpcReactProvider } from "@/lib/trpc/client";

export function Providers({ children, dismissLabel, regionLabel }: { children: ReactNode; dismissLabel: string; regionLabel: string }) {
  return (
    <TrpcReactProvider>
      <ToastProvider dismissLabel={dismissLabel} regionLabel={regionLabel}>
        {children}
      </ToastProvider>
    </TrpcReactProvider>
  );
}
