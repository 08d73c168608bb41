"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";

/**
 * The client side of ClientMessages: a key the area's share lacks shows the same loud marker as
 * on the server (the end-to-end tests look for it), instead of next-intl's quiet default.
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
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={timeZone}
      messages={messages}
      getMessageFallback={({ namespace, key }) => `⟦${[namespace, key].filter(Boolean).join(".")}⟧`}
      onError={(error) => console.error(`[i18n] ${error.message}`)}
    >
      {children}
    </NextIntlClientProvider>
  );
}
