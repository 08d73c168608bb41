import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Table, TBody, TD, TH, THead, TR, Target, type BadgeTone } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { systemClock } from "@/lib/clock";
import { LocalizedText } from "@/components/content/localized-text";
import { localized } from "@/lib/localized";
import { formatBps, formatMoney } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { ArchiveCampaignButton, NewCampaignForm } from "./campaign-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("plansAdmin.campaigns"))("title") };
}

type CampaignStatus = "active" | "scheduled" | "ended" | "archived";

const STATUS_TONE: Record<CampaignStatus, BadgeTone> = {
  active: "success",
  scheduled: "brand",
  ended: "neutral",
  archived: "warning",
};
const DAY_MS = 86_400_000;

async function CampaignsPage() {
  const me = await requireStaffPage("partner_manager", "finance");
  const canEdit = me.staffRole === "admin" || me.staffRole === "partner_manager";
  const caller = await api();
  const [campaigns, options, catalog, settings] = await Promise.all([
    caller.manage.commissions.campaigns(),
    caller.manage.partners.options(),
    caller.manage.catalog.products(),
    caller.account.programSettings(),
  ]);
  const t = await getTranslations("plansAdmin.campaigns");
  const tAll = await getTranslations();
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const now = systemClock.now();

  const tierLabel = (key: string, name: string) => (tAll.has(`tiers.${key}`) ? tAll(`tiers.${key}` as never) : name);
  const tierNames = new Map(options.tiers.map((tier) => [tier.id, tierLabel(tier.key, tier.name)]));
  const productNames = new Map(catalog.map((p) => [p.id, p.name]));
  const running = new Set(campaigns.active.map((c) => c.id));
  const statusOf = (c: (typeof campaigns.all)[number]): CampaignStatus =>
    c.archivedAt
      ? "archived"
      : running.has(c.id)
        ? "active"
        : c.startsAt > now
          ? "scheduled"
          : c.endsAt <= now
            ? "ended"
            : "active";
  // Campaigns run whole UTC days: the stored end is the midnight after the last day.
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const rows = campaigns.all.map((c) => ({ ...c, status: statusOf(c) }));
  const current = rows.filter((c) => c.status === "active" || c.status === "scheduled");
  const past = rows.filter((c) => c.status === "ended" || c.status === "archived");

  function adds(c: (typeof rows)[number]) {
    if (c.kind === "flat" && c.flatMinor !== null && c.currency)
      return t("addsFlat", { amount: formatMoney(c.flatMinor, c.currency, locale) });
    return t("addsPercent", { rate: formatBps(c.rateBps ?? 0, locale) });
  }
  const names = (ids: string[], lookup: Map<string, string>, all: string) =>
    ids.length === 0 ? (
      <span className="text-muted">{all}</span>
    ) : (
      ids.map((id) => lookup.get(id) ?? "—").join(t("listSeparator"))
    );

  function table(list: typeof rows, testId: string, label: string) {
    return (
      <Table data-testid={testId} aria-label={label}>
        <THead>
          <TR>
            <TH>{t("name")}</TH>
            <TH>{t("window")}</TH>
            <TH>{t("adds")}</TH>
            <TH>{t("eligibleTiers")}</TH>
            <TH>{t("eligibleProducts")}</TH>
            <TH>{t("status")}</TH>
            {canEdit ? (
              <TH>
                <span className="sr-only">{tc("actions")}</span>
              </TH>
            ) : null}
          </TR>
        </THead>
        <TBody>
          {list.map((c) => (
            <TR key={c.id} data-testid="campaign-row">
              <TD className="max-w-64">
                {/* The reader's language, the other one marked where it is missing. */}
                <p className="font-medium">
                  <LocalizedText value={localized(locale, c.name, c.nameAr)!} noteClassName="font-normal" />
                </p>
                {localized(locale, c.description, c.descriptionAr) ? (
                  <p className="line-clamp-2 text-xs text-muted">
                    <LocalizedText value={localized(locale, c.description, c.descriptionAr)!} />
                  </p>
                ) : null}
              </TD>
              <TD className="whitespace-nowrap">
                {t("windowRange", { start: day(c.startsAt), end: day(new Date(c.endsAt.getTime() - DAY_MS)) })}
              </TD>
              <TD className="whitespace-nowrap">{adds(c)}</TD>
              <TD>{names(c.tierIds, tierNames, t("allTiers"))}</TD>
              <TD className="max-w-56">{names(c.productIds, productNames, t("allProducts"))}</TD>
              <TD>
                <Badge tone={STATUS_TONE[c.status]} data-testid="campaign-status">
                  {t(`statuses.${c.status}`)}
                </Badge>
                {c.archivedAt ? (
                  <p className="mt-1 text-xs whitespace-nowrap text-muted">
                    {t("archivedOn", { date: format.dateTime(c.archivedAt, { dateStyle: "medium" }) })}
                  </p>
                ) : null}
              </TD>
              {canEdit ? (
                <TD className="text-end">
                  {c.status === "active" || c.status === "scheduled" ? (
                    <ArchiveCampaignButton campaignId={c.id} name={localized(locale, c.name, c.nameAr)!.text} />
                  ) : null}
                </TD>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className={canEdit ? "space-y-8 lg:col-span-2" : "space-y-8 lg:col-span-3"}>
          <section aria-labelledby="current-campaigns">
            <h2 id="current-campaigns" className="mb-2 text-base font-semibold text-neutral-900">
              {t("current")}
            </h2>
            {current.length === 0 ? (
              <EmptyState
                icon={<Target className="size-6" />}
                title={t("currentEmpty")}
                description={canEdit ? t("currentEmptyHint") : undefined}
              />
            ) : (
              table(current, "current-campaigns", t("current"))
            )}
          </section>
          <section aria-labelledby="past-campaigns">
            <h2 id="past-campaigns" className="mb-2 text-base font-semibold text-neutral-900">
              {t("past")}
            </h2>
            {past.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
                {t("pastEmpty")}
              </p>
            ) : (
              table(past, "past-campaigns", t("past"))
            )}
          </section>
        </div>
        {canEdit ? (
          <NewCampaignForm
            tiers={options.tiers.map((tier) => ({ id: tier.id, key: tier.key, label: tierLabel(tier.key, tier.name) }))}
            products={catalog.filter((p) => p.active).map((p) => ({ id: p.id, label: p.name }))}
            programCurrency={settings.currency}
          />
        ) : null}
      </div>
    </>
  );
}

export default withClientMessages("manage/commissions/campaigns/page", CampaignsPage);
