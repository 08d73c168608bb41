import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { openAssetLink } from "@/server/domains/enablement/assets-files";
import { fileNotFound } from "@/server/integrations/storage";
import { appClock } from "@/server/time";

/**
 * A link asset (a video, say): counted for a partner who may see it, then a redirect to its
 * https address. Staff open any link uncounted; everyone else gets the 404 of a missing id.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return fileNotFound();
  const { assetId } = await params;
  const url = await openAssetLink({ db: await getDb(), actor, clock: appClock }, assetId);
  if (!url) return fileNotFound();
  return new Response(null, {
    status: 303,
    headers: { location: url, "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}
