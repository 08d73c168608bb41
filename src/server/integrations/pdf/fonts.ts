import { Font } from "@react-pdf/renderer";

/**
 * The font every PDF we print uses: IBM Plex Sans Arabic (Arabic and Latin in one font) as
 * TrueType from its npm package, so nothing is downloaded at run time. TTF, not Fontsource's WOFF:
 * the PDF font loader re-inflates a WOFF's glyph table for every glyph it reads (a one-page Arabic
 * statement took seconds and half a megabyte) and throws on the no-break space glyph of those files.
 */
export const PDF_FONT_FAMILY = "PlexArabic";
let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  // Resolved from the app's own node_modules at run time, past the bundler (as logo.ts loads jsdom).
  const nodeRequire = process.getBuiltinModule("node:module").createRequire(`${process.cwd()}/`);
  const file = (style: string) =>
    nodeRequire.resolve(`@expo-google-fonts/ibm-plex-sans-arabic/${style}/IBMPlexSansArabic_${style}.ttf`);
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: file("400Regular"), fontWeight: 400 },
      { src: file("600SemiBold"), fontWeight: 600 },
    ],
  });
  // Words are never split with a hyphen: ids and names wrap whole (or at their own hyphens).
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

/**
 * Every document gets freshly loaded font objects. The font library caches one glyph object per
 * glyph id, with the characters of its first use; embedding a composite glyph (خ is ح plus a dot)
 * creates its parts with no characters, and a later document that sets ح alone then joins and
 * places it wrongly (a letter went missing from "تحويل" once "خ" had been printed before). So each
 * render reloads the font files (a few milliseconds).
 */
function reloadFonts(): void {
  for (const source of Font.getRegisteredFonts()[PDF_FONT_FAMILY]?.sources ?? []) {
    source.data = null;
    source.loadResultPromise = null;
  }
}

let renderQueue: Promise<unknown> = Promise.resolve();

/**
 * Renders one PDF at a time, whichever document it is (statements and certificates share the font
 * and its caches), each with freshly loaded fonts, so one document's embedding never runs in the
 * middle of another's layout.
 */
export function renderPdf<T>(work: () => Promise<T>): Promise<T> {
  registerFonts();
  const run = renderQueue.then(
    () => {
      reloadFonts();
      return work();
    },
    () => {
      reloadFonts();
      return work();
    },
  );
  renderQueue = run.catch(() => undefined);
  return run;
}

/**
 * Text as the PDF font can set it: the narrow and figure spaces Intl may put in amounts and dates
 * are not in the font (they would print as boxes), so they and the no-break space become spaces.
 */
export function printable(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, " ");
}
