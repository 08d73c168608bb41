import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";

/**
 * The page `npm run bench` measures each scenario against: the same layout, session, guards and
 * shell as a real page, and no data of its own. Its pages answer 404 outside the benchmark.
 */
export async function BaselinePage() {
  const t = await getTranslations("bench.baseline");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardBody>
          <p className="text-sm text-muted-strong">{t("body")}</p>
        </CardBody>
      </Card>
    </>
  );
}
