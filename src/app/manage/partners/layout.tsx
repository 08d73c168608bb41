import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Partner managers and finance (and admins); checked in the layout so a refusal is a real 403, before any streaming starts. */
export default async function PartnersLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("partner_manager", "finance");
  return children;
}
