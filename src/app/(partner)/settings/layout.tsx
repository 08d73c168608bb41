import type { ReactNode } from "react";
import { forbidden } from "next/navigation";
import { requirePartnerPage } from "@/server/auth/guards";

/** Company settings are the owners'; members get a real 403. */
export default async function CompanySettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePartnerPage();
  if (actor.partnerRole !== "owner") forbidden();
  return children;
}
