import type { ReactNode } from "react";
import { loadLead } from "./load";

/**
 * Finds the lead before the page's loading boundary starts streaming, so another organization's
 * lead (or a made-up id) answers with a real 404 rather than a 200 carrying the not-found page.
 */
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
