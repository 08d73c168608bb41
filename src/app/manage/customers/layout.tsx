import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Partner managers and finance (and admins); finance only reads. Checked in the layout so a refusal is a real 403. */
export default async function CustomersLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("partner_manager", "finance");
  return children;
}
