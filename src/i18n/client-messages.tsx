import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import manifest from "./client-messages.json";
import type { ClientArea } from "./client-usage";
import { IntlClient } from "./intl-client";

type Tree = { [key: string]: string | Tree };

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

// The catalogue is fixed per locale, so each area's share is picked once per process.
const picked = new Map<string, Tree>();

/**
 * Hands the client components under it just the words they read (src/i18n/client-messages.json,
 * written by `npm run i18n:client` from the source and checked by a test), never the whole
 * catalogue: server components render their own text, and the HTML carries only the rest.
 */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const locale = await getLocale();
  const key = `${locale}:${area}`;
  if (!picked.has(key)) {
    const paths = area === "shared" ? manifest.shared : [...manifest.shared, ...manifest[area]];
    picked.set(key, pickMessages((await getMessages()) as Tree, paths));
  }
  return (
    <IntlClient locale={locale} timeZone={await getTimeZone()} messages={picked.get(key)!}>
      {children}
    </IntlClient>
  );
}
