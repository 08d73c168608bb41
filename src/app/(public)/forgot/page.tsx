import { getTranslations } from "next-intl/server";
import { ForgotForm } from "./forgot-form";

export async function generateMetadata() {
  return { title: (await getTranslations("forgot"))("title") };
}

export default function ForgotPage() {
  return <ForgotForm />;
}
