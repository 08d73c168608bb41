import { isLocale, messagesByLocale, type Locale } from "@/i18n/config";
import { NotFoundError } from "@/server/domains/errors";
import { statementCsv, statementFileName, STATEMENT_CSV_COLUMNS } from "@/server/domains/payouts/statement-csv";
import { statementPdf } from "@/server/domains/payouts/statement-pdf";
import { payoutStatement } from "@/server/domains/payouts/statements";
import { getProgramSettings } from "@/server/domains/program/service";
import { csvHeaders } from "@/server/trpc/csv-headers";
import { createContext } from "@/server/trpc/context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function status(code: 400 | 401 | 404): Response {
  return new Response(null, { status: code, headers: { "cache-control": "no-store" } });
}

function download(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A payout's statement as a download: `?format=pdf` (the default) or `csv`, in the reader's
 * language (the session's, or `?locale=en|ar` when asked for). A partner user gets only their own
 * organization's payouts (the organization comes from the session, never from the request); any
 * other id answers 404 exactly like a missing one, so ids cannot be probed. Staff read any. The
 * actor is re-read from the database through the request context, as the CSV exports do.
 */
export async function GET(request: Request, { params }: { params: Promise<{ payoutId: string }> }): Promise<Response> {
  const ctx = await createContext({ headers: request.headers });
  const { actor } = ctx;
  if (!actor) return status(401);
  const { payoutId } = await params;
  if (!UUID.test(payoutId)) return status(404);
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "pdf";
  if (format !== "pdf" && format !== "csv") return status(400);
  const asked = query.get("locale");
  const locale: Locale = isLocale(asked) ? asked : ctx.locale;

  let statement;
  try {
    statement = await payoutStatement({ db: ctx.db, actor, clock: ctx.clock }, payoutId);
  } catch (error) {
    if (error instanceof NotFoundError) return status(404);
    throw error;
  }
  const fileName = statementFileName(statement.payout, format);
  if (format === "csv") {
    const csv = statementCsv(statement, locale, csvHeaders(locale, "payoutStatement.columns", STATEMENT_CSV_COLUMNS));
    // A BOM, so spreadsheet programs read the Arabic as UTF-8 (as every CSV export does).
    return download(`\uFEFF${csv}`, "text/csv; charset=utf-8", fileName);
  }
  const program = await getProgramSettings(ctx.db).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  const pdf = await statementPdf(statement, {
    locale,
    programName: program?.name ?? messagesByLocale[locale].common.appName,
    issuedAt: ctx.clock.now(),
  });
  return download(new Uint8Array(pdf), "application/pdf", fileName);
}
