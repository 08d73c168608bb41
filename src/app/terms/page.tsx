import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FallbackNote } from "@/components/content/localized-text";
import { Markdown } from "@/components/markdown";
import { Button, Card, CardBody, LogOut } from "@/components/ui";
import { signOutAction } from "@/app/actions";
import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { hasAcceptedCurrentTerms, termsForReader } from "@/server/domains/partners/terms";
import { api } from "@/server/trpc/server";
import { AcceptTermsForm } from "./accept-terms-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("termsGate"))("title") };
}

async function TermsGatePage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/terms");
  // Staff work under their employment terms, not the partner program's.
  if (actor.kind !== "partner") redirect("/manage");
  if (await hasAcceptedCurrentTerms(await getDb(), actor.userId)) redirect("/dashboard");
  const terms = await (await api()).public.terms();
  if (!terms) redirect("/dashboard");
  const t = await getTranslations();
  const locale = await getLocale();
  // The reader's language when this version has it, else the English, marked; the acceptance
  // records the same choice (termsForReader), so it names the text that was on the screen.
  const shown = termsForReader(terms, locale);
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("termsGate.title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("termsGate.body", { name: actor.name })}</p>
        <section aria-labelledby="terms-heading" className="mt-6 space-y-3">
          <h2 id="terms-heading" className="text-sm font-semibold text-neutral-900">
            {t("termsGate.version", { version: terms.version })}
            {shown.fallback ? <FallbackNote lang={shown.lang} className="font-normal" /> : null}
          </h2>
          <div
            role="region"
            aria-labelledby="terms-heading"
            tabIndex={0}
            className="max-h-[50vh] overflow-y-auto rounded-md border border-border bg-surface-subtle p-4"
            data-testid="terms-body"
            lang={shown.lang}
            dir={shown.lang === "ar" ? "rtl" : "ltr"}
          >
            <Markdown source={shown.text} newTabLabel={t("markdown.newTab")} />
          </div>
        </section>
        <AcceptTermsForm key={terms.id} termsId={terms.id} locale={locale === "ar" ? "ar" : "en"} />
        <form action={signOutAction} className="mt-4 border-t border-border pt-4">
          <p className="text-sm text-muted">{t("termsGate.notNow")}</p>
          <Button type="submit" variant="ghost" size="sm" className="mt-2" data-testid="terms-sign-out">
            <LogOut className="size-4" />
            {t("common.signOut")}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

export default withClientMessages("terms/page", TermsGatePage);
