/**
 * Values set into a sentence as their own direction islands, so they keep their order inside
 * Arabic text even where the sentence is a plain string (a page title, a dialog's description)
 * and no <bdi> can wrap them.
 */

/** A name or other text whose direction is its own (first strong letter): U+2068 … U+2069. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * An amount, always left to right as the amount columns show it (`<bdi dir="ltr">`): U+2066 …
 * U+2069. Arabic currency formats start with a right-to-left mark, which would turn an
 * auto-direction island around.
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}
