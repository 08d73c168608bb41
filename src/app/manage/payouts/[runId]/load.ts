import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isUuid } from "@/lib/ids";
import { api } from "@/server/trpc/server";

const getRun = cache(async (runId: string) => (await api()).manage.payouts.get({ runId }));

/** The run, or a 404 for a malformed id or one that does not exist. */
export async function loadRun(runId: string) {
  if (!isUuid(runId)) notFound();
  return getRun(runId).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
