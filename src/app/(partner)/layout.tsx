import type { ReactNode } from "react";
import { PartnerShell } from "@/components/shell/shells";
import { requirePartnerPage } from "@/server/auth/guards";

export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePartnerPage();
  return <PartnerShell actor={actor}>{children}</PartnerShell>;
}
