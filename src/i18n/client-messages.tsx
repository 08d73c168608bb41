import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import manifest from "./client-messages.json";
import { IntlClient } from "./intl-client";
import { pickMessages, type Tree } from "./pick-messages";

/** A route entry (a layout or a page, by its path under src/app) whose client components read words. */
export type ClientEntry = keyof typeof manifest;

// The catalogue is fixed per locale, so each entry's share is picked once per process.
const picked = new Map<string, Tree>();

/**
 * Hands the client components of one route entry just the words they read and the layouts above
 * do not already hand out (src/i18n/client-messages.json, written by `npm run i18n:client` from
 * the source and checked by a test), never the whole catalogue: server components render their
 * own text, and the HTML carries only the rest, each word once.
 */
export async function ClientMessages({ entry, children }: { entry: ClientEntry; children: ReactNode }) {
  const locale = await getLocale();
  const key = `${locale}:${entry}`;
  if (!picked.has(key)) picked.set(key, pickMessages((await getMessages()) as Tree, manifest[entry]));
  return (
    <IntlClient locale={locale} timeZone={await getTimeZone()} messages={picked.get(key)!}>
      {children}
    </IntlClient>
  );
}

/** A page whose client components read words: its default export, wrapped in its own share. */
export function withClientMessages<P extends object>(
  entry: ClientEntry,
  Page: (props: P) => ReactNode | Promise<ReactNode>,
) {
  return function PageWithMessages(props: P) {
    return (
      <ClientMessages entry={entry}>
        <Page {...props} />
      </ClientMessages>
    );
  };
}
