import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ShellFor } from "@/app/_shell/shells";
import { getCurrentActor } from "@/server/auth/current";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/account");
  return <ShellFor actor={actor}>{children}</ShellFor>;
}
