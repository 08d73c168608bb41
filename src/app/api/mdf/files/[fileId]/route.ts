import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { readMdfFile } from "@/server/domains/enablement/mdf-queries";

/**
 * Served bytes never run: the type is the one sniffed at upload (never guessed again by the
 * browser), and a file is a download, never a page of ours.
 */
const SAFE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

function notFound(): Response {
  return new Response(null, { status: 404, headers: { ...SAFE_HEADERS, "cache-control": "no-store" } });
}

/** RFC 6266/5987: the kept name, percent-encoded, so no name can break out of the header. */
function attachment(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * A claim's proof or invoice: staff (any role) and the partner whose claim it is. Everyone else,
 * signed out included, gets the same 404 as a missing file, so file ids cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return notFound();
  const { fileId } = await params;
  const file = await readMdfFile(await getDb(), actor, fileId);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": attachment(file.originalName),
      "cache-control": "private, no-store",
    },
  });
}
