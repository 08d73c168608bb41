import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, CardBody, CardHeader, cn } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { api } from "@/server/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const caller = await api();
  const [{ organization, teamSize, nextTier, tiers }, me] = await Promise.all([caller.partner.dashboard(), caller.account.me()]);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name: me.name.split(" ")[0] ?? me.name })} description={t("dashboard.subtitle")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard testId="stat-tier" label={t("dashboard.tier")} value={t(`tiers.${organization.tierKey}` as never)} hint={nextTier ? t("dashboard.nextTier", { tier: t(`tiers.${nextTier.key}` as never) }) : t("dashboard.topTier")} />
        <StatCard testId="stat-team" label={t("dashboard.teamSize")} value={format.number(teamSize)} />
        <StatCard label={t("dashboard.partnerType")} value={t(`partnerTypes.${organization.type}`)} />
        <StatCard label={t("dashboard.memberSince")} value={format.dateTime(organization.createdAt, { dateStyle: "medium" })} />
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("dashboard.tierLadder")} description={t("dashboard.tierLadderHint")} as="h2" />
          <CardBody>
            <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t("dashboard.tierLadder")}>
              {tiers.map((tier) => {
                const reached = tier.rank <= organization.tierRank;
                const current = tier.key === organization.tierKey;
                return (
                  <li
                    key={tier.key}
                    aria-current={current ? "step" : undefined}
                    className={cn(
                      "rounded-md border p-3 text-sm",
                      current ? "border-brand-500 bg-brand-50" : reached ? "border-brand-200 bg-surface" : "border-border bg-surface-subtle text-muted",
                    )}
                  >
                    <span className="block font-medium">{t(`tiers.${tier.key}` as never)}</span>
                    <span className="text-xs">{current ? t("dashboard.current") : reached ? t("dashboard.reached") : t("dashboard.ahead")}</span>
                  </li>
                );
              })}
            </ol>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("dashboard.yourManager")} as="h2" />
          <CardBody>
            {organization.managerName ? (
              <div>
                <p className="font-medium">{organization.managerName}</p>
                <a className="text-sm text-brand-700 underline-offset-2 hover:underline" href={`mailto:${organization.managerEmail}`}>
                  {organization.managerEmail}
                </a>
              </div>
            ) : (
              <p className="text-sm text-muted">{t("dashboard.noManager")}</p>
            )}
            <div className="mt-4">
              <Badge tone={organization.status === "active" ? "success" : "warning"}>{t(`partnerStatus.${organization.status}`)}</Badge>
            </div>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
