import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, CardBody, CardHeader, ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { isUuid } from "@/lib/ids";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { STATUS_TONE } from "../status";
import { RetryEmailButton } from "./retry-button";
import { withClientMessages } from "@/i18n/client-messages";

/** Read once per request: the tab title and the page share it (null for a malformed or unknown id). */
const getEmail = cache(async (id: string) =>
  isUuid(id) ? (await api()).manage.emails.get({ id }).catch(() => null) : null,
);

/** The tab names the email by its subject, as its heading does. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const email = await getEmail((await params).id);
  return { title: email?.subject ?? (await getTranslations("outbox"))("title") };
}

async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage("admin");
  const { id } = await params;
  const email = await getEmail(id);
  if (!email) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <Link
        href="/manage/emails"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
      >
        <ChevronStart className="size-4" />
        {t("outbox.back")}
      </Link>
      <PageHeader
        title={email.subject}
        actions={email.status === "failed" ? <RetryEmailButton id={email.id} /> : null}
      />
      <Card>
        <CardHeader title={t("outbox.details")} as="h2" />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-muted">{t("outbox.to")}</dt>
            <dd>
              <bdi dir="ltr">{email.to}</bdi>
            </dd>
            <dt className="text-muted">{t("outbox.status")}</dt>
            <dd>
              <Badge tone={STATUS_TONE[email.status]}>{t(`outbox.statuses.${email.status}`)}</Badge>
            </dd>
            <dt className="text-muted">{t("outbox.created")}</dt>
            <dd>{format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
            <dt className="text-muted">{t("outbox.attempts")}</dt>
            <dd>{format.number(email.attempts)}</dd>
            {email.lastError ? (
              <>
                <dt className="text-muted">{t("outbox.lastError")}</dt>
                <dd className="font-mono text-xs text-danger-700">{email.lastError}</dd>
              </>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <Card className="mt-4">
        <CardHeader title={t("outbox.body")} as="h2" />
        <CardBody>
          <pre
            className="whitespace-pre-wrap break-words font-sans text-sm"
            dir={email.locale === "ar" ? "rtl" : "ltr"}
            data-testid="email-text"
          >
            {email.text}
          </pre>
        </CardBody>
      </Card>
    </>
  );
}

export default withClientMessages("manage/emails/[id]/page", EmailPage);
