import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createContext } from "@/server/trpc/context";
import { describeError } from "@/server/trpc/errors";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

/**
 * A list page's filters from its URL, for the export that mirrors it: each parameter is checked
 * on its own against the export's schema, and an invalid one is dropped, not an error.
 */
export function filtersFromUrl<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  params: URLSearchParams,
  fields: Record<string, keyof Shape & string>,
  options: { ignore?: (name: string, raw: string) => boolean } = {},
): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const raw = params.get(name);
    if (raw === null || raw === "" || options.ignore?.(name, raw)) continue;
    const parsed = z.safeParse(schema.shape[field]!, raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filters[field] = parsed.data;
  }
  return filters;
}

const STATUS_BY_CODE: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403 };

/**
 * A GET handler that downloads what an export procedure returns: UTF-8 with a BOM (so Excel reads
 * Arabic names), a dated file name, never cached; 401/403 carry the reason in the reader's language.
 */
export function csvDownload(name: string, exportCsv: (caller: Caller, params: URLSearchParams) => Promise<string>) {
  return async function GET(request: Request): Promise<Response> {
    const ctx = await createContext({ headers: request.headers });
    try {
      const csv = await exportCsv(createCaller(ctx), new URL(request.url).searchParams);
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return new Response(`\uFEFF${csv}`, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${name}-${day}.csv"`,
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      const status = error instanceof TRPCError ? STATUS_BY_CODE[error.code] : undefined;
      if (!status || !(error instanceof TRPCError)) throw error;
      return new Response(describeError(error, ctx.locale).message, {
        status,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
  };
}
