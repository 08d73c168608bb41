import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { downloadAssetFile } from "@/server/domains/enablement/assets-files";
import { fileNotFound, fileResponse } from "@/server/integrations/storage";
import { appClock } from "@/server/time";

/**
 * A library file as a download. A partner gets the current version of an asset they may see
 * (tier, expiry, archive: the one visibility rule), and the download is counted; staff get any
 * asset, and any version with `?version=N`, uncounted. Everyone else, and every asset a partner
 * may not see, gets the same 404 as a missing id.
 */
export async function GET(request: Request, { params }: { params: Promise<{ assetId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return fileNotFound();
  const { assetId } = await params;
  const asked = new URL(request.url).searchParams.get("version");
  const version = asked && /^[1-9]\d{0,5}$/.test(asked) ? Number(asked) : undefined;
  const file = await downloadAssetFile({ db: await getDb(), actor, clock: appClock }, assetId, version);
  return file ? fileResponse(file, "attachment") : fileNotFound();
}
