import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { directoryFilters } from "@/server/domains/partners/directory";
import { createContext } from "@/server/trpc/context";
import { describeError } from "@/server/trpc/errors";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const createCaller = createCallerFactory(appRouter);
type Filters = z.input<typeof directoryFilters>;

/** URL parameter of the directory page → field of the export's input. */
const FIELDS = { q: "search", type: "type", tier: "tierId", status: "status", manager: "managerId", sort: "sort", dir: "sortDir" } as const;

/** The directory's filters from the URL, each checked on its own: an invalid one is dropped, not an error. */
function filtersOf(params: URLSearchParams): Filters {
  const filters: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(FIELDS)) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    const parsed = directoryFilters.shape[field].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filters[field] = parsed.data;
  }
  return filters as Filters;
}

const STATUS_BY_CODE: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403 };

/** The filtered partner directory as a CSV download (UTF-8 with a BOM, so Excel reads Arabic names). */
export async function GET(request: Request) {
  const ctx = await createContext({ headers: request.headers });
  try {
    const csv = await createCaller(ctx).partners.exportCsv(filtersOf(new URL(request.url).searchParams));
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="partners-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const status = error instanceof TRPCError ? STATUS_BY_CODE[error.code] : undefined;
    if (!status || !(error instanceof TRPCError)) throw error;
    return new Response(describeError(error, ctx.locale).message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
}
