import { isLocale, messagesByLocale, type Locale } from "@/i18n/config";
import { NotFoundError } from "@/server/domains/errors";
import { getProgramSettings } from "@/server/domains/program/service";
import { certificateFileName, certificatePdf } from "@/server/domains/training/certificate-pdf";
import { certificateForPrint } from "@/server/domains/training/certifications";
import { createContext } from "@/server/trpc/context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function status(code: 401 | 404): Response {
  return new Response(null, { status: code, headers: { "cache-control": "no-store" } });
}

/**
 * A certificate as a PDF, for the person it names, an owner of the same partner, or staff;
 * anyone else gets 404 exactly like a missing id. It is printed in the person's language (their
 * own setting, else English), not the reader's: a certificate reads the same whoever downloads
 * it; `?locale=en|ar` asks for the other.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ certificationId: string }> },
): Promise<Response> {
  const ctx = await createContext({ headers: request.headers });
  const { actor } = ctx;
  if (!actor) return status(401);
  const { certificationId } = await params;
  if (!UUID.test(certificationId)) return status(404);
  let cert;
  try {
    cert = await certificateForPrint({ db: ctx.db, actor, clock: ctx.clock }, certificationId);
  } catch (error) {
    if (error instanceof NotFoundError) return status(404);
    throw error;
  }
  const asked = new URL(request.url).searchParams.get("locale");
  const locale: Locale = isLocale(asked) ? asked : (cert.personLocale ?? "en");
  const program = await getProgramSettings(ctx.db).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  const pdf = await certificatePdf(cert, {
    locale,
    programName: program?.name ?? messagesByLocale[locale].common.appName,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${certificateFileName(cert.code)}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
