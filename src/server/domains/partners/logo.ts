/** Logo uploads: only real PNG, JPEG or SVG images under the size limit; SVGs are sanitized. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The type the bytes really are (by their signature), whatever the file claimed. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.slice(0, 1024)).replace(/^\uFEFF/, "").trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return "image/svg+xml";
  return null;
}

/**
 * Removes what can run or reach out from an SVG: scripts, foreign objects, event handlers,
 * javascript:/data: links and external references. Returns null when the SVG cannot be made safe
 * (doctype/entities, which could expand or fetch).
 */
export function sanitizeSvg(svg: string): string | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return null;
  // Repeat until nothing changes, so pieces that join up after a removal are removed too.
  let clean = svg;
  for (let pass = 0; pass < 5; pass++) {
    const next = stripOnce(clean);
    if (next === clean) break;
    clean = next;
  }
  // Anything script-like that survived means we refuse rather than guess.
  if (/<script|javascript:|\son[a-z]+\s*=|<foreignObject/i.test(clean)) return null;
  return clean.trim();
}

function stripOnce(svg: string): string {
  return svg
    .replace(/<script[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<script[^>]*\/>/gi, "")
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, "")
    .replace(/<(iframe|embed|object|audio|video|handler|listener)[\s\S]*?(<\/\1\s*>|\/>)/gi, "")
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/\s+(xlink:)?href\s*=\s*("\s*(javascript|data|https?|\/\/)[^"]*"|'\s*(javascript|data|https?|\/\/)[^']*')/gi, "")
    .replace(/url\(\s*['"]?\s*(javascript|https?|\/\/)[^)]*\)/gi, "none")
    .replace(/@import[^;]+;/gi, "");
}

export type LogoCheck = { ok: true; contentType: LogoType; bytes: Uint8Array } | { ok: false; code: "logo.tooLarge" | "logo.wrongType" | "logo.unsafe" | "logo.empty" };

export function checkLogo(bytes: Uint8Array, claimedType: string): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: "logo.empty" };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, code: "logo.tooLarge" };
  const actual = sniffImageType(bytes);
  if (!actual || actual !== claimedType) return { ok: false, code: "logo.wrongType" };
  if (actual !== "image/svg+xml") return { ok: true, contentType: actual, bytes };
  const clean = sanitizeSvg(new TextDecoder().decode(bytes));
  if (!clean) return { ok: false, code: "logo.unsafe" };
  return { ok: true, contentType: actual, bytes: new TextEncoder().encode(clean) };
}
