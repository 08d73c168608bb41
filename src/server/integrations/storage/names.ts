/** C0 controls, DEL, C1 controls and the bidirectional overrides that make a name read backwards. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const ORIGINAL_NAME_MAX = 120;

/**
 * What the uploader called the file, made fit to keep as data (it is shown, and it reaches a
 * Content-Disposition header, never a path): the last segment of any path ("../../etc/passwd" →
 * "passwd", "C:\x\a.png" → "a.png"), without control or direction characters, NFC, at most 120
 * characters, keeping the extension when cutting. Null when nothing usable is left (".", "..",
 * an empty name, a name of only slashes or dots).
 */
export function normaliseOriginalName(name: string): string | null {
  const last = name.split(/[\\/]/).at(-1) ?? "";
  const clean = last.normalize("NFC").replace(UNSAFE, "").trim();
  if (clean === "" || /^\.+$/.test(clean)) return null;
  if (clean.length <= ORIGINAL_NAME_MAX) return clean;
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return `${Array.from(clean.slice(0, clean.length - extension.length))
    .slice(0, ORIGINAL_NAME_MAX - extension.length)
    .join("")
    .trim()}${extension}`;
}
