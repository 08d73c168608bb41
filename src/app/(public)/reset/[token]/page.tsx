import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password";
import { api } from "@/server/trpc/server";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("setPassword"))("reset.title") };
}

async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { state } = await (await api()).public.auth.linkState({ token, purpose: "password_reset" });
  return <SetPasswordForm token={token} purpose="password_reset" state={state} />;
}

export default withClientMessages("(public)/reset/[token]/page", ResetPage);
