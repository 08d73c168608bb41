import type { StoredFileContent } from "./files";

/**
 * Served bytes never run: the type is the one sniffed at upload (never guessed again by the
 * browser), and a file opened on its own gets no scripts, no requests and no same-origin.
 */
export const SAFE_FILE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
} as const;

/**
 * How every route that hands out a stored file answers (assets, lesson images, MDF proof). The
 * same answer for missing, malformed and not-for-you: nothing to learn from it.
 */
export function fileNotFound(): Response {
  return new Response(null, { status: 404, headers: { ...SAFE_FILE_HEADERS, "cache-control": "no-store" } });
}

/** RFC 6266/5987: the kept name, percent-encoded, so no name can break out of the header. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename*=UTF-8''${encoded}`;
}

/**
 * A stored file as a response: attachment (a download) or inline (a preview), never cached by
 * others. By default nothing is cached at all, since who may see a file can change (tier, expiry,
 * archive) and every request is checked again; a caller whose bytes and audience are stable for a
 * while (a lesson image) may allow the browser a few minutes.
 */
export function fileResponse(
  file: Pick<StoredFileContent, "bytes" | "contentType" | "originalName">,
  kind: "attachment" | "inline",
  cacheControl = "private, no-store",
): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...SAFE_FILE_HEADERS,
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": contentDisposition(kind, file.originalName),
      "cache-control": cacheControl,
    },
  });
}
