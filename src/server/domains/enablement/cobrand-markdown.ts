/**
 * The small piece of Markdown a co-branded page prints: `#`..`###` headings, paragraphs (blank
 * lines apart; single newlines are spaces), `-`/`*`/`+` and `1.` lists, `**bold**` and `*italic*`
 * (or `_italic_`). Anything else is printed as the text it is: a PDF has no links to follow,
 * so `[text](url)` keeps its text and the address in brackets.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type PdfBlock =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "list"; ordered: boolean; start: number; items: Run[][] };

const HEADING = /^ {0,3}(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;

/** Bold and italic runs; unmatched markers stay as characters. */
export function inlineRuns(source: string): Run[] {
  const text = source.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)");
  const runs: Run[] = [];
  const push = (t: string, bold: boolean, italic: boolean) => {
    if (!t) return;
    const last = runs.at(-1);
    if (last && last.bold === bold && last.italic === italic) last.text += t;
    else runs.push({ text: t, bold, italic });
  };
  const pattern = /\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}])_(?!\s)(.+?)_(?![\p{L}\p{N}])/gu;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    push(text.slice(at, match.index), false, false);
    const strong = match[1] ?? match[2];
    if (strong !== undefined) {
      // Italic inside bold is common enough ("**a *b* c**") to honour one level.
      for (const inner of inlineRuns(strong)) push(inner.text, true, inner.italic);
    } else {
      for (const inner of inlineRuns(match[3] ?? match[4] ?? "")) push(inner.text, inner.bold, true);
    }
    at = match.index + match[0].length;
  }
  push(text.slice(at), false, false);
  return runs;
}

export function markdownBlocks(source: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let paragraph: string[] = [];
  let list: Extract<PdfBlock, { kind: "list" }> | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", runs: inlineRuns(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
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
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, runs: inlineRuns(heading[2]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = ordered !== null;
      if (!list || list.ordered !== isOrdered) {
        flushList();
        list = { kind: "list", ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [] };
      }
      list.items.push(inlineRuns((bullet ? bullet[1] : ordered![2])!));
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      const item = list.items.at(-1)!;
      item.push({ text: ` ${line.trim()}`, bold: false, italic: false });
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** The words of the blocks, as plain text (what a test reads back, and the document's subject). */
export function blocksText(blocks: PdfBlock[]): string {
  const runsText = (runs: Run[]) => runs.map((r) => r.text).join("");
  return blocks.map((b) => (b.kind === "list" ? b.items.map(runsText).join("\n") : runsText(b.runs))).join("\n");
}
