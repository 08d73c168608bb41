import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext } from "@/server/trpc/context";
import { describeError } from "@/server/trpc/errors";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const createCaller = createCallerFactory(appRouter);

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The run's bank transfers as a CSV for finance's bank: whole account numbers, so finance only,
 * and the service audits every export. Shaped like every CSV download (UTF-8 with a BOM, a dated
 * name, never cached); refusals carry their reason in the reader's language: 401, 403, 404 for a
 * run that does not exist, 409 for a draft or cancelled one (nothing approved to pay).
 */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params;
  const ctx = await createContext({ headers: request.headers });
  try {
    const csv = await createCaller(ctx).manage.payouts.bankFile({ runId });
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="bank-file-${runId.slice(0, 8)}-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // The run id is the only input: one that is not an id names no run (after the access checks, which come first).
    const refusal = error.code === "BAD_REQUEST" ? new TRPCError({ code: "NOT_FOUND" }) : error;
    const status = getHTTPStatusCodeFromError(refusal);
    if (status >= 500) throw error;
    return plain(describeError(refusal, ctx.locale).message, status);
  }
}
