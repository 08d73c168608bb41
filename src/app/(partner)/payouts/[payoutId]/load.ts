import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isUuid } from "@/lib/ids";
import { api } from "@/server/trpc/server";

type StatementInput = Parameters<Awaited<ReturnType<typeof api>>["partner"]["payouts"]["statement"]>[0];

/** Read once per request (metadata and page share it). */
const getStatement = cache(
  async (payoutId: string, page: number, sortBy: StatementInput["sortBy"], sortDir: StatementInput["sortDir"]) =>
    (await api()).partner.payouts.statement({ payoutId, page, pageSize: 25, sortBy, sortDir }),
);

/** The payout with a page of its commissions, or a 404 for a malformed id or another organization's payout. */
export async function loadStatement(
  payoutId: string,
  page = 1,
  sortBy: StatementInput["sortBy"] = "earnedAt",
  sortDir: StatementInput["sortDir"] = "asc",
) {
  if (!isUuid(payoutId)) notFound();
  return getStatement(payoutId, page, sortBy, sortDir).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
