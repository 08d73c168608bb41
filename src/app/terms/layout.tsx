import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { CenteredFrame } from "@/app/_shell/centered-frame";
import { getCurrentActor } from "@/server/auth/current";

/** The terms gate: the public pages' centred look, for someone already signed in. */
export default async function TermsLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/terms");
  return <CenteredFrame width="max-w-2xl">{children}</CenteredFrame>;
}
