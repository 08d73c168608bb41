import { DomainError } from "@/server/domains/errors";
import { readTaxForm } from "@/server/domains/payouts/tax-form";
import { createContext } from "@/server/trpc/context";

export const dynamic = "force-dynamic";

/** A stored upload must never render or run here: downloaded only, never sniffed, never cached. */
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cache-control": "private, no-store",
};

const STATUS_BY_KIND: Partial<Record<DomainError["kind"], 400 | 403 | 404>> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
};

function status(code: 400 | 401 | 403 | 404): Response {
  return new Response(null, { status: code, headers: SAFE_HEADERS });
}

/** `attachment` with an ASCII fallback name and the real (UTF-8) one, so no name can break the header. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  // RFC 5987: encodeURIComponent leaves ' ( ) * as they are, which the extended value may not hold.
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * The signed tax form on file, as a download. A partner user (owner or member) gets their own
 * organization's, taken from the session (any `partnerId` sent is ignored); finance and admins
 * name the partner with `?partnerId=`. The actor is re-read from the database through the request
 * context, as the statement downloads do.
 */
export async function GET(request: Request): Promise<Response> {
  const ctx = await createContext({ headers: request.headers });
  const { actor } = ctx;
  if (!actor) return status(401);
  const partnerId = new URL(request.url).searchParams.get("partnerId") ?? undefined;
  let form;
  try {
    form = await readTaxForm({ db: ctx.db, actor, clock: ctx.clock }, partnerId);
  } catch (error) {
    const code = error instanceof DomainError ? STATUS_BY_KIND[error.kind] : undefined;
    if (code) return status(code);
    throw error;
  }
  return new Response(new Uint8Array(form.bytes), {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "content-type": form.contentType,
      "content-length": String(form.bytes.byteLength),
      "content-disposition": disposition(form.fileName),
      "last-modified": form.uploadedAt.toUTCString(),
    },
  });
}
