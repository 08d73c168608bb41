import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { readCourseImage } from "@/server/domains/training/images";

/**
 * Served bytes never run: the type is the one sniffed at upload (never guessed again by the
 * browser), and a file opened on its own gets no scripts, no requests and no same-origin.
 */
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

function notFound(): Response {
  return new Response(null, { status: 404, headers: { ...SAFE_HEADERS, "cache-control": "no-store" } });
}

/** RFC 6266/5987: the kept name, percent-encoded, so no name can break out of the header. */
function inline(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}

/**
 * A lesson image: staff (any role) see every one; a signed-in partner user only those of courses
 * their organization may see. Everyone else, signed out included, gets the same 404 as a missing
 * image, so image ids and courses cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  // The one way a request learns who is signing it (a signed-out session names nobody).
  const actor = await getCurrentActor();
  if (!actor) return notFound();
  const { imageId } = await params;
  const image = await readCourseImage(await getDb(), actor, imageId);
  if (!image) return notFound();
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "content-type": image.contentType,
      "content-length": String(image.bytes.byteLength),
      "content-disposition": inline(image.originalName),
      // The image of a course never changes (a new upload is a new id); only who may see it can.
      "cache-control": "private, max-age=300",
    },
  });
}
