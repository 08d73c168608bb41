import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password";
import { api } from "@/server/trpc/server";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("setPassword"))("invite.title") };
}

async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { state } = await (await api()).public.auth.linkState({ token, purpose: "staff_invite" });
  return <SetPasswordForm token={token} purpose="staff_invite" state={state} />;
}

export default withClientMessages("(public)/welcome/[token]/page", WelcomePage);
