import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { CenteredFrame } from "@/app/_shell/centered-frame";
import { getCurrentActor } from "@/server/auth/current";
import { ClientMessages } from "@/i18n/client-messages";

/** The terms gate: the public pages' centred look, for someone already signed in. */
export default async function TermsLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/terms");
  return (
    <ClientMessages area="terms">
      <CenteredFrame width="max-w-2xl">{children}</CenteredFrame>
    </ClientMessages>
  );
}
