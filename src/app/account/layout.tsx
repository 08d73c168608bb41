import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ShellFor } from "@/app/_shell/shells";
import { getCurrentActor } from "@/server/auth/current";
import { ClientMessages } from "@/i18n/client-messages";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/account");
  return (
    <ClientMessages entry="account/layout">
      <ShellFor actor={actor}>{children}</ShellFor>
    </ClientMessages>
  );
}
