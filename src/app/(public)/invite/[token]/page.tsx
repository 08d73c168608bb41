import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, Card, CardBody, buttonClasses } from "@/components/ui";
import { api } from "@/server/trpc/server";
import { termsForReader } from "@/server/domains/partners/terms";
import { AcceptInvitationForm } from "./accept-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("invite"))("metaTitle") };
}

async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await api();
  // A token of the wrong shape is simply an unknown invitation.
  const [invitation, terms] = await Promise.all([
    token.length > 0 && token.length <= 200
      ? caller.public.invitations.inspect({ token })
      : Promise.resolve({ state: "unknown" as const, email: null, name: null, company: null, hasPassword: false }),
    caller.public.terms(),
  ]);
  const t = await getTranslations("invite");

  if (invitation.state !== "valid" || !invitation.email) {
    const state = invitation.state === "valid" ? "unknown" : invitation.state;
    return (
      <Card>
        <CardBody className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold">{t(`states.${state}.title`)}</h1>
          <div
            role="status"
            data-testid="invitation-state"
            data-state={state}
            className="mt-4 flex gap-3 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
          >
            <AlertTriangle className="mt-0.5 size-4 shrink-0" />
            <p>{t(`states.${state}.body`)}</p>
          </div>
          {state === "accepted" ? (
            <Link href="/login" className={buttonClasses("primary", "md", "mt-6 w-full")}>
              {t("signIn")}
            </Link>
          ) : (
            <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
              {t("backToLogin")}
            </Link>
          )}
        </CardBody>
      </Card>
    );
  }

  if (!terms) {
    return (
      <Card>
        <CardBody className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold">{t("title", { company: invitation.company ?? "" })}</h1>
          <p
            role="status"
            data-testid="invitation-state"
            data-state="noTerms"
            className="mt-4 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
          >
            {t("noTerms")}
          </p>
        </CardBody>
      </Card>
    );
  }

  return (
    <AcceptInvitationForm
      token={token}
      company={invitation.company ?? ""}
      email={invitation.email}
      name={invitation.name ?? ""}
      hasPassword={invitation.hasPassword}
      terms={{ id: terms.id, version: terms.version, body: termsForReader(terms, await getLocale()) }}
    />
  );
}

export default withClientMessages("(public)/invite/[token]/page", InvitationPage);
