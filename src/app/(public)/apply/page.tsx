import { getLocale, getTranslations } from "next-intl/server";
import { api } from "@/server/trpc/server";
import { termsForReader } from "@/server/domains/partners/terms";
import { ApplyForm } from "./apply-form";
import { countryOptions } from "@/lib/countries";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("apply"))("title") };
}

async function ApplyPage() {
  const [terms, locale] = await Promise.all([(await api()).public.terms(), getLocale()]);
  return (
    // The public layout is sized for short forms; this one is wider, and stays centred in either direction.
    <div className="mx-[calc((100%-min(40rem,100vw-2rem))/2)]">
      <ApplyForm
        countries={countryOptions(locale)}
        terms={terms ? { id: terms.id, version: terms.version, body: termsForReader(terms, locale) } : null}
      />
    </div>
  );
}

export default withClientMessages("(public)/apply/page", ApplyPage);
