import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { previewAssetFile } from "@/server/domains/enablement/assets-files";
import { fileNotFound, fileResponse } from "@/server/integrations/storage";
import { appClock } from "@/server/time";

/**
 * An image or PDF asset shown inline (a card's thumbnail, the PDF the detail page draws its first
 * page from): checked like a download, never counted. Anything else is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return fileNotFound();
  const { assetId } = await params;
  const file = await previewAssetFile({ db: await getDb(), actor, clock: appClock }, assetId);
  return file ? fileResponse(file, "inline") : fileNotFound();
}
