import type { ReactNode } from "react";
import { StaffShell } from "@/app/_shell/shells";
import { requireStaffPage } from "@/server/auth/guards";
import { ClientMessages } from "@/i18n/client-messages";

export default async function ManageLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage();
  return (
    <ClientMessages entry="manage/layout">
      <StaffShell actor={actor}>{children}</StaffShell>
    </ClientMessages>
  );
}
