import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { readMdfFile } from "@/server/domains/enablement/mdf-queries";
import { fileNotFound, fileResponse } from "@/server/integrations/storage";

/**
 * A claim's proof or invoice: staff (any role) and the partner whose claim it is. Everyone else,
 * signed out included, gets the same 404 as a missing file, so file ids cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return fileNotFound();
  const { fileId } = await params;
  const file = await readMdfFile(await getDb(), actor, fileId);
  if (!file) return fileNotFound();
  return fileResponse(file, "attachment");
}
