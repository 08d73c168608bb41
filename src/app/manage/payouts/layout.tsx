import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Finance and admins only; checked here so a refusal is a real 403 before streaming. */
export default async function PayoutsLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("finance");
  return children;
}
