import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Partner managers (and admins); checked in the layout so a refusal is a real 403, before any streaming starts. */
export default async function ProductsLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("partner_manager");
  return children;
}
