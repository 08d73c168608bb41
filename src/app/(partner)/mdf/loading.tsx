import { getTranslations } from "next-intl/server";
import { LoadingPage } from "@/components/page/loading-page";

export default async function Loading() {
  return <LoadingPage label={(await getTranslations("common"))("loading")} />;
}
