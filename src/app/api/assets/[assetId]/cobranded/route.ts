import { isLocale } from "@/i18n/config";
import { resolveLocale } from "@/i18n/resolve";
import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { cobrandPdfFor } from "@/server/domains/enablement/cobrand-render";
import { appClock } from "@/server/time";

/** A rendered page never runs anything, and the browser never guesses its type. */
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

function notFound(): Response {
  return new Response(null, { status: 404, headers: { ...SAFE_HEADERS, "cache-control": "no-store" } });
}

/**
 * A co-branded template rendered as a PDF for the partner who asks, in their language (`?locale=`
 * asks for the other). `?preview=1` is the on-screen preview: shown inline and not counted; without
 * it the file is a counted download. Staff may preview any template (`?partner=<id>` picks whose
 * page). Everyone else, signed out included, gets the same 404 as a missing template.
 */
export async function GET(request: Request, { params }: { params: Promise<{ assetId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return notFound();
  const { assetId } = await params;
  const search = new URL(request.url).searchParams;
  const asked = search.get("locale");
  const preview = search.get("preview") === "1";
  const result = await cobrandPdfFor(await getDb(), actor, {
    assetId,
    locale: isLocale(asked) ? asked : resolveLocale({ actor, headers: request.headers }),
    download: !preview,
    samplePartnerId: search.get("partner"),
    now: appClock.now(),
  });
  if (!result) return notFound();
  return new Response(new Uint8Array(result.pdf), {
    headers: {
      ...SAFE_HEADERS,
      "content-type": "application/pdf",
      "content-length": String(result.pdf.byteLength),
      "content-disposition": `${preview ? "inline" : "attachment"}; filename="${result.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
