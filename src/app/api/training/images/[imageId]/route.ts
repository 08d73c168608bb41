import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { readCourseImage } from "@/server/domains/training/images";
import { fileNotFound, fileResponse } from "@/server/integrations/storage";

/**
 * A lesson image: staff (any role) see every one; a signed-in partner user only those of courses
 * their organization may see. Everyone else, signed out included, gets the same 404 as a missing
 * image, so image ids and courses cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  // The one way a request learns who is signing it (a signed-out session names nobody).
  const actor = await getCurrentActor();
  if (!actor) return fileNotFound();
  const { imageId } = await params;
  const image = await readCourseImage(await getDb(), actor, imageId);
  if (!image) return fileNotFound();
  // The image of a course never changes (a new upload is a new id); only who may see it can.
  return fileResponse(image, "inline", "private, max-age=300");
}
