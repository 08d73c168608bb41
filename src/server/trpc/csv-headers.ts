import { createTranslator } from "use-intl/core";
import { messagesByLocale, type Locale, type Messages } from "@/i18n/config";

/** The message namespaces that hold an export's column names. */
type ColumnNamespace = {
  [N in keyof Messages]: Messages[N] extends { columns: Record<string, string> } ? `${N & string}.columns` : never;
}[keyof Messages];

type ColumnKey<N extends ColumnNamespace> = N extends `${infer Root}.columns`
  ? Root extends keyof Messages
    ? Messages[Root] extends { columns: infer C }
      ? keyof C & string
      : never
    : never
  : never;

/** An export's header row in the caller's language: every CSV download names its columns here. */
export function csvHeaders<N extends ColumnNamespace>(locale: Locale, namespace: N, columns: readonly ColumnKey<N>[]) {
  const t = createTranslator({ locale, messages: messagesByLocale[locale] });
  return columns.map((column) => t(`${namespace}.${column}` as Parameters<typeof t>[0]));
}
