/** A message catalogue, or a part of one. */
export type Tree = { [key: string]: string | Tree };

/** Only these subtrees of the catalogue (each path covers its subtree). */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: string | Tree | undefined = messages;
    for (const k of keys) from = typeof from === "object" ? from[k] : undefined;
    if (from === undefined) continue;
    let to = picked;
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Tree;
    to[keys.at(-1)!] = from;
  }
  return picked;
}
