import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isUuid } from "@/lib/ids";
import { api } from "@/server/trpc/server";

/** Read once per request: the metadata and the page share it. */
export const getLead = cache(async (id: string) => (await api()).partner.leads.get({ leadId: id }));

/** The lead, or a 404 for a malformed id or one that is not the caller's organization's. */
export async function loadLead(id: string) {
  if (!isUuid(id)) notFound();
  return getLead(id).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
