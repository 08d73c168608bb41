import { getTranslations } from "next-intl/server";
import { ForgotForm } from "./forgot-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("forgot"))("title") };
}

function ForgotPage() {
  return <ForgotForm />;
}

export default withClientMessages("(public)/forgot/page", ForgotPage);
