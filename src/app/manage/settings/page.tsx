import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses, Users } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { toDecimalString } from "@/lib/money";
import { TIER_REVIEW_MONTHS } from "@/lib/tier-review";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { ProgramSettingsForm } from "./settings-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

async function SettingsPage() {
  await requireStaffPage("admin");
  const settings = await (await api()).account.programSettings();
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <Link href="/manage/settings/staff" className={buttonClasses("secondary", "md")}>
            <Users className="size-4" />
            {t("staffLink")}
          </Link>
        }
      />
      <ProgramSettingsForm
        initial={{
          name: settings.name,
          currency: settings.currency,
          attributionWindowDays: settings.attributionWindowDays,
          holdPeriodDays: settings.holdPeriodDays,
          minimumPayout: toDecimalString(settings.minimumPayoutMinor, settings.currency),
          leadProtectionDays: settings.leadProtectionDays,
          leadExpiryDays: settings.leadExpiryDays,
          leadDailyLimit: settings.leadDailyLimit,
          payoutSchedule: settings.payoutSchedule,
          payoutDayOfMonth: settings.payoutDayOfMonth ?? Number.NaN,
          bankPayoutsAllowed: settings.bankPayoutsAllowed,
          taxDetailsRequired: settings.taxDetailsRequired,
          tierGraceDays: settings.tierGraceDays,
          // The database allows only these; anything else reads as the default cadence.
          tierReviewMonths: TIER_REVIEW_MONTHS.find((m) => m === settings.tierReviewMonths) ?? 3,
          websiteUrl: settings.websiteUrl ?? "",
        }}
        currencies={Intl.supportedValuesOf("currency")}
      />
    </>
  );
}

export default withClientMessages("manage/settings/page", SettingsPage);
