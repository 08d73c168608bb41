import type { ReactNode } from "react";
import { loadLead } from "./load";

/** Finds the lead before the loading boundary streams, so an unknown id is a real 404. */
export default async function LeadLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await loadLead((await params).id);
  return children;
}
