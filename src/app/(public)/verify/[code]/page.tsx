import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle, Badge, Card, CardBody, Check, X } from "@/components/ui";
import { api } from "@/server/trpc/server";
import { VerifyForm } from "../verify-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("verifyCertificate"))("title") };
}

const TONE = { valid: "success", expired: "warning", revoked: "danger" } as const;

/** The public answer for one code: valid, expired or revoked, with the name, course and dates only. */
export default async function VerifyCodePage({ params }: Props) {
  const typed = decodeURIComponent((await params).code).slice(0, 64);
  const [t, format] = await Promise.all([getTranslations("verifyCertificate"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  let found;
  let refusal: string | null = null;
  try {
    found = await (await api()).public.certificates.verify({ code: typed });
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "TOO_MANY_REQUESTS") throw error;
    refusal = error.message;
  }
  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {refusal ? (
          <p role="alert" className="rounded-md bg-warning-50 p-3 text-sm text-warning-800">
            {refusal}
          </p>
        ) : found ? (
          <section aria-labelledby="verify-result" data-testid="verify-result" data-status={found.status}>
            <div className="flex flex-wrap items-center gap-3">
              <span
                aria-hidden
                className={
                  found.status === "valid"
                    ? "flex size-10 items-center justify-center rounded-full bg-success-100 text-success-700"
                    : "flex size-10 items-center justify-center rounded-full bg-neutral-100 text-neutral-700"
                }
              >
                {found.status === "valid" ? (
                  <Check className="size-5" />
                ) : found.status === "revoked" ? (
                  <X className="size-5" />
                ) : (
                  <AlertTriangle className="size-5" />
                )}
              </span>
              <div>
                <h2 id="verify-result" className="font-semibold">
                  {t("resultTitle", { code: found.code })}
                </h2>
                <Badge tone={TONE[found.status]}>{t(`status.${found.status}`)}</Badge>
              </div>
            </div>
            <p className="mt-3 text-sm">{t(`statusBody.${found.status}`)}</p>
            <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-muted">{t("name")}</dt>
              <dd className="font-medium" dir="auto">
                {found.personName}
              </dd>
              <dt className="text-muted">{t("course")}</dt>
              <dd dir="auto">{found.courseTitle}</dd>
              <dt className="text-muted">{t("issued")}</dt>
              <dd>{date(found.issuedAt)}</dd>
              <dt className="text-muted">{t("expires")}</dt>
              <dd>{date(found.expiresAt)}</dd>
            </dl>
          </section>
        ) : (
          <div role="status" data-testid="verify-not-found">
            <p className="font-semibold">{t("notFound")}</p>
            <p className="mt-1 text-sm text-muted">{t("notFoundHint")}</p>
          </div>
        )}
        <div className="border-t border-border pt-6">
          <h2 className="mb-3 text-sm font-semibold">{t("another")}</h2>
          <VerifyForm defaultCode={found ? "" : typed} />
        </div>
      </CardBody>
    </Card>
  );
}
