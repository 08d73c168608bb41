import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Building, Card, CardBody, CardHeader, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const actor = await requireStaffPage();
  const overview = await (await api()).manage.program.overview();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const tierRows = overview.byTier.map((row) => ({ label: t(`tiers.${row.tierKey}` as never), value: row.count }));
  return (
    <>
      <PageHeader title={t("overview.title")} description={t("overview.subtitle")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="stat-active-partners"
          label={t("overview.activePartners")}
          value={format.number(overview.activePartners)}
        />
        <StatCard
          testId="stat-pending-applications"
          label={t("overview.pendingApplications")}
          value={format.number(overview.pendingApplications)}
          hint={
            overview.pendingApplications > 0 && actor.staffRole !== "finance" ? (
              <Link href="/manage/applications" className="text-brand-700 hover:underline">
                {t("overview.reviewApplications")}
              </Link>
            ) : undefined
          }
        />
        <StatCard
          testId="stat-pending-leads"
          label={t("overview.pendingLeads")}
          value={format.number(overview.pendingLeads)}
          hint={
            overview.pendingLeads > 0 ? (
              <Link href="/manage/leads" className="text-brand-700 hover:underline">
                {overview.flaggedLeads > 0
                  ? t("overview.reviewLeadsFlagged", { flagged: overview.flaggedLeads })
                  : t("overview.reviewLeads")}
              </Link>
            ) : undefined
          }
        />
        <StatCard
          label={t("overview.partnerUsers")}
          value={format.number(overview.partnerUsers)}
          hint={t("overview.staffUsersHint", { count: overview.staffUsers })}
        />
      </div>
      {overview.activePartners === 0 ? (
        <EmptyState
          className="mt-6"
          icon={<Building className="size-6" />}
          title={t("overview.emptyTitle")}
          description={t("overview.emptyHint")}
        />
      ) : (
        <div className="mt-6 grid gap-4 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader title={t("overview.byTier")} description={t("overview.byTierHint")} as="h2" />
            <CardBody>
              <SimpleBarChart data={tierRows} valueLabel={t("overview.partners")} rtl={locale === "ar"} />
              <Table className="mt-4" data-testid="partners-by-tier">
                <caption className="sr-only">{t("overview.byTier")}</caption>
                <THead>
                  <TR>
                    <TH>{t("overview.tier")}</TH>
                    <TH numeric>{t("overview.partners")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {tierRows.map((row) => (
                    <TR key={row.label}>
                      <TD>{row.label}</TD>
                      <TD numeric>{format.number(row.value)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("overview.byType")} as="h2" />
            <CardBody>
              <ul className="divide-y divide-border">
                {overview.byType.map((row) => (
                  <li key={row.type} className="flex justify-between py-2 text-sm">
                    <span>{t(`partnerTypes.${row.type}`)}</span>
                    <span className="font-medium tabular-nums">{format.number(row.count)}</span>
                  </li>
                ))}
              </ul>
              <h3 className="mt-6 text-sm font-semibold">{t("overview.byStatus")}</h3>
              <ul className="mt-2 divide-y divide-border">
                {overview.byStatus.map((row) => (
                  <li key={row.status} className="flex justify-between py-2 text-sm">
                    <span>{t(`partnerStatus.${row.status}`)}</span>
                    <span className="font-medium tabular-nums">{format.number(row.count)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
