import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The standard fonts pdf.js draws a PDF's non-embedded Helvetica, Times and Courier with, served
 * from the installed pdfjs-dist (so they always match its version) rather than a CDN: the browser
 * preview draws glyphs itself (disableFontFace, which keeps Arabic joined) and needs their outlines.
 * Only the files that directory ships are served; anything else is a 404.
 */
const FONT_FILE = /^(Foxit[A-Za-z]+\.pfb|LiberationSans-[A-Za-z]+\.ttf)$/;
const FONT_DIR = path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts");

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!FONT_FILE.test(file)) return new Response(null, { status: 404 });
  const bytes = await readFile(path.join(FONT_DIR, file)).catch(() => null);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.endsWith(".ttf") ? "font/ttf" : "application/octet-stream",
      "cache-control": "public, max-age=604800, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
