import type { ReactNode } from "react";
import { requireStaffPage } from "@/server/auth/guards";

/** Admins only; checked in the layout so a refusal is a real 403, before any streaming starts. */
export default async function AdminOnlyLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("admin");
  return children;
}
