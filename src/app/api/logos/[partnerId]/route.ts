import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { logoOf } from "@/server/domains/partners/profile";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Nothing served from here may run: SVGs opened directly get no scripts, no requests, no same-origin. */
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

function status(code: 401 | 404): Response {
  return new Response(null, { status: code, headers: { ...SAFE_HEADERS, "cache-control": "no-store" } });
}

/**
 * A partner's logo, for the signed-in: staff may read any, a partner user only their own
 * organization's. Every other id answers exactly like a missing logo, so ids cannot be probed.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ partnerId: string }> },
): Promise<Response> {
  // The one way a request learns who is signing it (a signed-out session names nobody).
  const actor = await getCurrentActor();
  if (!actor) return status(401);
  const db = await getDb();
  const { partnerId } = await params;
  if (!UUID.test(partnerId)) return status(404);
  if (actor.kind === "partner" && actor.partnerId !== partnerId) return status(404);
  const logo = await logoOf(db, partnerId);
  if (!logo) return status(404);
  return new Response(new Uint8Array(logo.bytes), {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "content-type": logo.contentType,
      "content-length": String(logo.bytes.byteLength),
      "cache-control": "private, max-age=300",
      "last-modified": logo.updatedAt.toUTCString(),
    },
  });
}
