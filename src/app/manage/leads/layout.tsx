import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Partner managers review leads, finance reads them (admins always); checked here so a refusal is a real 403 before streaming. */
export default async function LeadsLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("partner_manager", "finance");
  return children;
}
