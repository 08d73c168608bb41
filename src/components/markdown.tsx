import type { ReactNode } from "react";
import { cn } from "@/components/ui";

/**
 * A small, safe Markdown renderer for text we store ourselves (program terms, notes).
 *
 * Supported: `#`..`###` headings, paragraphs (blank-line separated; single newlines are soft
 * breaks), unordered (`-`, `*`, `+`) and ordered (`1.` / `1)`) lists, `**bold**`, `*italic*`,
 * `` `code` ``, `[links](url)` and `![images](src)`. Everything is built as React elements, so text
 * is always escaped; there is no raw HTML. Links are kept only for `https:` and relative targets
 * (`/`, `#`, `./`, `../`); anything else (`javascript:`, `data:`, `http:`, `//host`) is rendered as
 * plain text. Images are kept only from our own lesson-image route (`/api/training/images/<uuid>`,
 * which checks who asks); any other source (external, `data:`, `javascript:`) leaves its alt text.
 *
 * Headings are shifted down one level (`#` → h2) because every page already has its own h1.
 * Works in server and client components (no hooks, no "use client").
 */
export interface MarkdownProps {
  source: string;
  className?: string;
  /**
   * Screen-reader text appended to links that open in a new tab (https links do, so a
   * half-filled form is not lost). Pass a translated string, e.g. t("markdown.newTab").
   */
  newTabLabel?: string;
}

type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: string[] };

const HEADING = /^ {0,3}(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;

function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: "list" }> | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = null;
  };

  for (const raw of lines) {
    const line = raw.replace(/\t/g, "  ");
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2] ?? "" });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = ordered !== null;
      const current = list as Extract<Block, { kind: "list" }> | null;
      if (!current || current.ordered !== isOrdered) {
        flushList();
        list = { kind: "list", ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [] };
      }
      list!.items.push((bullet ? bullet[1] : ordered![2]) ?? "");
      continue;
    }
    const currentList = list as Extract<Block, { kind: "list" }> | null;
    if (currentList && /^\s+\S/.test(line)) {
      // An indented line continues the last list item.
      const last = currentList.items.length - 1;
      currentList.items[last] = `${currentList.items[last]} ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** https: and same-site relative targets only. */
export function safeHref(url: string): string | null {
  const href = url.trim();
  // Control characters and whitespace inside a URL are how scheme filters get bypassed.
  if (href === "" || /[\u0000-\u0020\u007f-\u009f\\]/.test(href)) return null;
  if (/^https:\/\/[^/]/i.test(href)) return href;
  if (/^\/(?!\/)/.test(href) || href.startsWith("#") || href.startsWith("./") || href.startsWith("../")) return href;
  return null;
}

/** The one image source allowed: a lesson image on this origin, served only to those who may see it. */
const LESSON_IMAGE = /^\/api\/training\/images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function safeImageSrc(url: string): string | null {
  const src = url.trim();
  return LESSON_IMAGE.test(src) ? src : null;
}

const ESCAPABLE = new Set(["\\", "`", "*", "_", "[", "]", "(", ")", "#", "+", "-", ".", "!"]);

function parseInline(text: string, newTabLabel: string | undefined, keyPrefix = "i"): ReactNode[] {
  const out: ReactNode[] = [];
  let buffer = "";
  let i = 0;
  const flush = () => {
    if (buffer) out.push(buffer);
    buffer = "";
  };
  const key = () => `${keyPrefix}-${out.length}`;

  while (i < text.length) {
    const ch = text[i]!;

    if (ch === "\\" && i + 1 < text.length && ESCAPABLE.has(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push(
          <code key={key()} className="rounded bg-surface-sunken px-1 py-0.5 font-mono text-[0.85em] text-neutral-900">
            {text.slice(i + 1, end)}
          </code>,
        );
        i = end + 1;
        continue;
      }
    }

    if (ch === "*" && text[i + 1] === "*") {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2 && !/\s/.test(text[i + 2]!)) {
        flush();
        const k = key();
        out.push(
          <strong key={k} className="font-semibold text-neutral-900">
            {parseInline(text.slice(i + 2, end), newTabLabel, k)}
          </strong>,
        );
        i = end + 2;
        continue;
      }
    }

    if ((ch === "*" || ch === "_") && text[i + 1] !== ch) {
      const end = findClosingEmphasis(text, i + 1, ch);
      if (end > i + 1 && !/\s/.test(text[i + 1]!)) {
        flush();
        const k = key();
        out.push(<em key={k}>{parseInline(text.slice(i + 1, end), newTabLabel, k)}</em>);
        i = end + 1;
        continue;
      }
    }

    if (ch === "!" && text[i + 1] === "[") {
      const close = text.indexOf("](", i + 2);
      const end = close === -1 ? -1 : text.indexOf(")", close + 2);
      if (close !== -1 && end !== -1) {
        flush();
        const alt = text.slice(i + 2, close).replace(/\\(.)/g, "$1");
        const src = safeImageSrc(text.slice(close + 2, end));
        if (src) {
          // A plain <img>: the bytes are private (cookie-checked), so no image optimizer fetches them.
          // eslint-disable-next-line @next/next/no-img-element
          out.push(<img key={key()} src={src} alt={alt} loading="lazy" className="max-w-full h-auto rounded" />);
        } else if (alt) {
          // Any other source: keep the words, never load it.
          out.push(<span key={key()}>{alt}</span>);
        }
        i = end + 1;
        continue;
      }
    }

    if (ch === "[") {
      const close = text.indexOf("](", i + 1);
      const end = close === -1 ? -1 : text.indexOf(")", close + 2);
      if (close > i + 1 && end !== -1) {
        flush();
        const k = key();
        const label = parseInline(text.slice(i + 1, close), newTabLabel, k);
        const href = safeHref(text.slice(close + 2, end));
        if (href) {
          const external = href.startsWith("https:");
          out.push(
            <a
              key={k}
              href={href}
              rel="noopener noreferrer"
              target={external ? "_blank" : undefined}
              className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              {label}
              {external && newTabLabel ? <span className="sr-only"> ({newTabLabel})</span> : null}
            </a>,
          );
        } else {
          // Unsafe target: keep the words, drop the link.
          out.push(<span key={k}>{label}</span>);
        }
        i = end + 1;
        continue;
      }
    }

    buffer += ch;
    i += 1;
  }
  flush();
  return out;
}

/** Index of the single `marker` closing an emphasis opened before `from` (not part of a double marker). */
function findClosingEmphasis(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === "\\") {
      j += 1;
      continue;
    }
    if (text[j] === marker) {
      if (text[j + 1] === marker) {
        j += 1;
        continue;
      }
      if (!/\s/.test(text[j - 1] ?? " ")) return j;
    }
  }
  return -1;
}

const headingClasses = {
  1: "text-lg font-semibold text-neutral-900",
  2: "text-base font-semibold text-neutral-900",
  3: "text-sm font-semibold text-neutral-900",
} as const;

export function Markdown({ source, className, newTabLabel }: MarkdownProps) {
  const blocks = parseBlocks(source);
  return (
    // Each block takes the direction of its own text: English terms read left to right on an Arabic page.
    <div
      className={cn(
        "space-y-3 text-sm leading-6 text-neutral-800 [&>h2:not(:first-child)]:mt-5 [&>h3:not(:first-child)]:mt-4",
        className,
      )}
    >
      {blocks.map((block, index) => {
        const k = `b${index}`;
        switch (block.kind) {
          case "heading": {
            const content = parseInline(block.text, newTabLabel, k);
            if (block.level === 1)
              return (
                <h2 key={k} dir="auto" className={headingClasses[1]}>
                  {content}
                </h2>
              );
            if (block.level === 2)
              return (
                <h3 key={k} dir="auto" className={headingClasses[2]}>
                  {content}
                </h3>
              );
            return (
              <h4 key={k} dir="auto" className={headingClasses[3]}>
                {content}
              </h4>
            );
          }
          case "list": {
            const items = block.items.map((item, j) => (
              <li key={`${k}-${j}`} dir="auto">
                {parseInline(item, newTabLabel, `${k}-${j}`)}
              </li>
            ));
            return block.ordered ? (
              <ol
                key={k}
                start={block.start === 1 ? undefined : block.start}
                className="list-decimal space-y-1 ps-5 marker:text-muted"
              >
                {items}
              </ol>
            ) : (
              <ul key={k} className="list-disc space-y-1 ps-5 marker:text-muted">
                {items}
              </ul>
            );
          }
          default:
            return (
              <p key={k} dir="auto">
                {parseInline(block.text, newTabLabel, k)}
              </p>
            );
        }
      })}
    </div>
  );
}
