import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/server/auth/current";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { param, type SearchParams } from "@/lib/list-params";
import { LoginForms } from "./login-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(param(params, "callbackUrl"));
  if (await getCurrentActor()) redirect(callbackUrl);
  // next-auth sends people back here with ?error=… when a sign-in link failed.
  const linkError = param(params, "error");
  return <LoginForms callbackUrl={callbackUrl} linkError={linkError ?? null} />;
}

export default withClientMessages("(public)/login/page", LoginPage);
