"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";

/** The words the providers above have handed out, so a page's provider adds to its layouts'. */
const Handed = createContext<AbstractIntlMessages | null>(null);

function merge(into: AbstractIntlMessages, from: AbstractIntlMessages): AbstractIntlMessages {
  const out: AbstractIntlMessages = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const have = out[key];
    out[key] = typeof value === "object" && typeof have === "object" ? merge(have, value) : value;
  }
  return out;
}

/**
 * The client side of ClientMessages. Each route entry sends only the words its layouts did not
 * already send; this joins them. A key nobody sent shows the same loud marker as on the server
 * (the end-to-end tests look for it), instead of next-intl's quiet default.
 */
export function IntlClient({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: string;
  timeZone: string;
  messages: AbstractIntlMessages;
  children: ReactNode;
}) {
  const above = useContext(Handed);
  const all = useMemo(() => (above ? merge(above, messages) : messages), [above, messages]);
  return (
    <Handed.Provider value={all}>
      <NextIntlClientProvider
        locale={locale}
        timeZone={timeZone}
        messages={all}
        getMessageFallback={({ namespace, key }) => `⟦${[namespace, key].filter(Boolean).join(".")}⟧`}
        onError={(error) => console.error(`[i18n] ${error.message}`)}
      >
        {children}
      </NextIntlClientProvider>
    </Handed.Provider>
  );
}
