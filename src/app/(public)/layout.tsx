import type { ReactNode } from "react";
import { CenteredFrame } from "@/app/_shell/centered-frame";
import { ClientMessages } from "@/i18n/client-messages";

/** Signed-out pages: a centred card, with the language switch always in reach. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages area="public">
      <CenteredFrame>{children}</CenteredFrame>
    </ClientMessages>
  );
}
