import { useTranslations } from "next-intl";
import type { LocalizedText as Localized } from "@/lib/localized";
import { cn } from "@/components/ui";

/**
 * Staff-written text in the language it is in (`lang`, `dir`, so it is read and shaped right
 * inside a page of the other direction), with a small note when the reader's language was
 * missing and the other one is shown. Works in server and client components alike.
 */
export function LocalizedText({
  value,
  className,
  noteClassName,
  block = false,
}: {
  value: Localized;
  className?: string;
  noteClassName?: string;
  /** Render as blocks (a paragraph and the note under it) rather than inline spans. */
  block?: boolean;
}) {
  const Tag = block ? "div" : "span";
  return (
    <>
      <Tag lang={value.lang} dir={value.lang === "ar" ? "rtl" : "ltr"} className={className}>
        {value.text}
      </Tag>
      {value.fallback ? <FallbackNote lang={value.lang} block={block} className={noteClassName} /> : null}
    </>
  );
}

/** A paragraph of optional staff text (a description): nothing when neither language has it. */
export function OptionalLocalizedText({ value, className }: { value: Localized | null; className?: string }) {
  return value ? <LocalizedText value={value} block className={className} /> : null;
}

/** "Shown in English" / "معروض بالعربية": which language a fallback text is in, in the reader's. */
export function FallbackNote({
  lang,
  block = false,
  className,
}: {
  lang: "en" | "ar";
  block?: boolean;
  className?: string;
}) {
  const t = useTranslations("localizedContent");
  const Tag = block ? "p" : "span";
  return (
    <Tag
      className={cn("text-xs text-muted", block ? "mt-1" : "ms-2 whitespace-nowrap", className)}
      data-testid="fallback-note"
    >
      {lang === "en" ? t("shownInEnglish") : t("shownInArabic")}
    </Tag>
  );
}
