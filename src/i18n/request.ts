import { getRequestConfig } from "next-intl/server";
import { getCurrentActor, getRequestHeaders } from "@/server/auth/current";
import { messagesByLocale } from "./config";
import { resolveLocale } from "./resolve";

export default getRequestConfig(async () => {
  const [actor, headers] = await Promise.all([getCurrentActor(), getRequestHeaders()]);
  const locale = resolveLocale({ actor, headers });
  return {
    locale,
    messages: messagesByLocale[locale],
    timeZone: "UTC",
    // A missing key shows up loudly (and the end-to-end tests look for this marker).
    getMessageFallback: ({ namespace, key }) => `⟦${[namespace, key].filter(Boolean).join(".")}⟧`,
    onError: (error) => console.error(`[i18n] ${error.message}`),
  };
});
