import { getDb } from "@/server/db/client";
import { resolveReferral } from "@/server/domains/referrals/links";

/**
 * A shared referral link, open to anyone signed out: 302 to the link's destination with
 * `ref=<code>` added, or to the vendor's home page for an unknown or disabled code (never an
 * error page). Clicks are not recorded yet: the affiliate tracking issue adds the click insert
 * here, on this same row, and nothing else belongs on this path.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  const { location } = await resolveReferral(await getDb(), code);
  return new Response(null, {
    status: 302,
    // Not cached: a link may be disabled or point elsewhere tomorrow.
    headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer-when-downgrade" },
  });
}
