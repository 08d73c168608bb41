import type { ReactNode } from "react";
import { StaffShell } from "@/app/_shell/shells";
import { requireStaffPage } from "@/server/auth/guards";

export default async function ManageLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage();
  return <StaffShell actor={actor}>{children}</StaffShell>;
}
