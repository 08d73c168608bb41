import type { Config, DOMPurify, UponSanitizeAttributeHookEvent } from "dompurify";
import type * as Jsdom from "jsdom";

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
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.slice(0, 1024))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return "image/svg+xml";
  return null;
}

/*
 * SVG cleaning: DOMPurify (allow-list, SVG profile) on jsdom, the DOM DOMPurify is tested against.
 *
 * This file is also imported by a client component (for the limits above), so the two packages are
 * loaded at run time through Node's own require, out of sight of the bundler: the browser bundle
 * never gets them, and the server pays jsdom's start-up (about a second and ~100 MB) only on the
 * first SVG upload, not on every cold start.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

type SvgCleaner = { purify: DOMPurify; window: Jsdom.DOMWindow };
let cleaner: SvgCleaner | undefined;

const PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // Nothing that embeds another document or can script, whatever profile lists it.
  FORBID_TAGS: ["foreignObject", "script", "iframe", "embed", "object", "handler", "listener", "set", "animate"],
  // DOMPurify leaves <use> out because it can pull in other documents; here every href is held to
  // "#id" in this same file (see isSafeReference), which is how logos reuse their shapes.
  ADD_TAGS: ["use"],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SAFE_FOR_XML: true,
};

/** `url(#id)` (quoted or not): a reference to something inside this same file. */
const LOCAL_URL = /url\(\s*(['"]?)#[^\s()'"\\]*\1\s*\)/gi;
/** CSS functions a logo's styles may use; anything else (image-set, src, expression…) is refused. */
const CSS_FUNCTIONS = new Set([
  "rgb",
  "rgba",
  "hsl",
  "hsla",
  "hwb",
  "lab",
  "lch",
  "oklab",
  "oklch",
  "color",
  "color-mix",
  "var",
  "calc",
  "min",
  "max",
  "clamp",
  "translate",
  "translatex",
  "translatey",
  "rotate",
  "scale",
  "scalex",
  "scaley",
  "skew",
  "skewx",
  "skewy",
  "matrix",
  "blur",
  "brightness",
  "contrast",
  "drop-shadow",
  "grayscale",
  "hue-rotate",
  "invert",
  "opacity",
  "saturate",
  "sepia",
]);

/** A value CSS parses (presentation attributes too): only same-file url()s, no escapes that could spell one. */
function isLocalOnlyCssValue(value: string): boolean {
  if (value.includes("\\")) return false;
  return !/url\s*\(/i.test(value.replace(LOCAL_URL, ""));
}

/** A stylesheet or style attribute: no at-rule but @media, no markup, allow-listed functions, same-file url()s. */
function isSafeCss(css: string): boolean {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  if (!isLocalOnlyCssValue(text) || text.includes("<")) return false; // "<" is never CSS, only markup
  if (/@(?!media\b)/i.test(text) || /javascript\s*:/i.test(text)) return false;
  // A CSS function is a name right before "("; a bare "(" only groups (media queries, calc).
  for (const [, name] of text.replace(LOCAL_URL, "").matchAll(/([a-z-]*)\(/gi)) {
    if (name && !CSS_FUNCTIONS.has(name.toLowerCase())) return false;
  }
  return true;
}

/** href / xlink:href: a fragment of this file, or an embedded raster image on <image>. Never another document. */
function isSafeReference(tag: string, value: string): boolean {
  const compact = value.replace(/[\u0000-\u0020]/g, "");
  if (/^#[^()'"<>\\]*$/u.test(compact)) return true;
  return tag === "image" && /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]*$/i.test(compact);
}

/**
 * Whether one attribute may stay; the same rule for the clean-up hook and the final check. Judged by
 * its local name, so href is href under any prefix (xlink:href, x:href).
 */
function isSafeAttribute(tag: string, name: string, value: string): boolean {
  const local = name.slice(name.indexOf(":") + 1).toLowerCase();
  if (local.startsWith("on")) return false;
  if (local === "href") return isSafeReference(tag, value);
  if (local === "style") return isSafeCss(value);
  if (local === "attributename" && /^(on|.*href)/i.test(value.trim())) return false;
  return isLocalOnlyCssValue(value);
}

function getCleaner(): SvgCleaner {
  if (cleaner) return cleaner;
  const nodeRequire = process.getBuiltinModule("node:module").createRequire(`${process.cwd()}/`);
  const { JSDOM } = nodeRequire("jsdom") as typeof Jsdom;
  const createDOMPurify = nodeRequire("dompurify") as DOMPurify;
  // No scripts run and no resources load in this window: it only parses and serializes.
  const { window } = new JSDOM("<!DOCTYPE html><body></body>");
  const purify = createDOMPurify(window as unknown as Parameters<DOMPurify>[0]);
  purify.addHook("uponSanitizeAttribute", (node: Element, event: UponSanitizeAttributeHookEvent) => {
    if (!isSafeAttribute(node.localName, event.attrName, event.attrValue)) event.keepAttr = false;
  });
  purify.addHook("afterSanitizeElements", (node: Node) => {
    // A stylesheet that could import, fetch or escape is emptied, not guessed at.
    if (node.nodeType === 1 && (node as Element).localName === "style" && !isSafeCss(node.textContent ?? ""))
      node.textContent = "";
  });
  cleaner = { purify, window };
  return cleaner;
}

/** The final check, on the document exactly as a browser will parse the output. */
function isHarmless(root: Element): boolean {
  const elements = [root, ...Array.from(root.getElementsByTagName("*"))];
  return elements.every((el) => {
    if (el.namespaceURI !== SVG_NS) return false;
    if (/^(script|foreignobject|iframe|embed|object|handler|listener|set|animate)$/i.test(el.localName)) return false;
    if (el.localName === "style" && !isSafeCss(el.textContent ?? "")) return false;
    return Array.from(el.attributes).every((attr) => isSafeAttribute(el.localName, attr.name, attr.value));
  });
}

/**
 * Cleans an SVG with an allow-list: only SVG elements and attributes, no scripts, event handlers,
 * foreign objects, animations of links, links to other documents, or styles that fetch. Returns a
 * standalone SVG document (XML), or null when the SVG cannot be made safe: a DOCTYPE or entity
 * declaration (they could expand or fetch), or no single <svg> left.
 */
export function sanitizeSvg(svg: string): string | null {
  const source = svg.replace(/^\uFEFF/, "");
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return null;
  const { purify, window } = getCleaner();
  const fragment = purify.sanitize(source.replace(/^\s*<\?xml[^>]*\?>/i, ""), {
    ...PURIFY_CONFIG,
    RETURN_DOM_FRAGMENT: true,
  });
  const roots = Array.from(fragment.childNodes).filter(
    (n) => n.nodeType === 1 || (n.nodeType === 3 && n.textContent?.trim()),
  );
  const root = roots[0];
  if (
    roots.length !== 1 ||
    !root ||
    root.nodeType !== 1 ||
    (root as Element).namespaceURI !== SVG_NS ||
    (root as Element).localName !== "svg"
  )
    return null;
  // Comments and processing instructions (<?xml-stylesheet?> would fetch) serve no logo: dropped.
  const walker = window.document.createTreeWalker(
    root,
    window.NodeFilter.SHOW_COMMENT | window.NodeFilter.SHOW_PROCESSING_INSTRUCTION,
  );
  const inert: Node[] = [];
  while (walker.nextNode()) inert.push(walker.currentNode);
  for (const node of inert) node.parentNode?.removeChild(node);
  // Written as XML, the way it is served (image/svg+xml), then read back the way a browser will.
  const xml = new window.XMLSerializer().serializeToString(root);
  const reread = new window.DOMParser().parseFromString(xml, "image/svg+xml").documentElement;
  if (reread.namespaceURI !== SVG_NS || reread.localName !== "svg" || !isHarmless(reread)) return null;
  return xml;
}

export type LogoCheck =
  | { ok: true; contentType: LogoType; bytes: Uint8Array }
  | { ok: false; code: "logo.tooLarge" | "logo.wrongType" | "logo.unsafe" | "logo.empty" };

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
