import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle, Badge, buttonClasses, Card, CardBody, CardHeader, Check, Download, X } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { requirePartnerPage } from "@/server/auth/guards";
import { loadResult } from "../../../load";
import { certificateHref } from "../../../tones";

type Props = { params: Promise<{ courseId: string; attemptId: string }> };

export async function generateMetadata() {
  await requirePartnerPage();
  return { title: (await getTranslations("training.result"))("title") };
}

/** A submitted attempt: the score, pass or fail, what was wrong with the right answers, and the certificate. */
export default async function ResultPage({ params }: Props) {
  const actor = await requirePartnerPage();
  const { courseId, attemptId } = await params;
  const result = await loadResult(attemptId);
  if (result.courseId !== courseId) notFound();
  const [t, format] = await Promise.all([getTranslations("training.result"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const cert = result.certification;
  const courseHref = `/training/${courseId}`;

  return (
    <>
      <PageHeader title={t("title")} description={result.courseTitle} />
      <Card className="mb-6" data-testid="quiz-result" data-passed={result.passed}>
        <CardBody className="flex flex-wrap items-center gap-4">
          <span
            aria-hidden
            className={
              result.passed
                ? "flex size-12 items-center justify-center rounded-full bg-success-100 text-success-700"
                : "flex size-12 items-center justify-center rounded-full bg-warning-100 text-warning-800"
            }
          >
            {result.passed ? <Check className="size-6" /> : <AlertTriangle className="size-6" />}
          </span>
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2 text-lg font-semibold text-neutral-900">
              {t("score", { score: result.scorePercent })}
              <Badge tone={result.passed ? "success" : "warning"}>{result.passed ? t("passed") : t("failed")}</Badge>
            </p>
            <p className="text-sm text-muted">
              {t("counts", { correct: result.correctCount, count: result.questionCount, mark: result.passMarkPercent })}
            </p>
            <p className="text-sm">{result.passed ? t("passedBody") : t("failedBody")}</p>
            {!result.passed ? (
              <p className="text-sm text-muted">{t("attemptsLeft", { left: result.attemptsLeft })}</p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {!result.passed && result.attemptsLeft > 0 ? (
              <Link href={`${courseHref}/quiz`} className={buttonClasses("primary")}>
                {t("tryAgain")}
              </Link>
            ) : null}
            <Link href={courseHref} className={buttonClasses("secondary")}>
              {t("backToCourse")}
            </Link>
          </div>
        </CardBody>
      </Card>

      {cert ? (
        <Card className="mb-6 border-success-200" data-testid="certificate-card">
          <CardHeader title={t("certificate.title")} as="h2" />
          <CardBody className="space-y-4">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-muted">{t("certificate.name")}</dt>
              <dd className="font-medium">{actor.name}</dd>
              <dt className="text-muted">{t("certificate.course")}</dt>
              <dd dir="auto">{result.courseTitle}</dd>
              <dt className="text-muted">{t("certificate.code")}</dt>
              <dd className="font-mono" dir="ltr" data-testid="certificate-code">
                {cert.code}
              </dd>
              <dt className="text-muted">{t("certificate.expires")}</dt>
              <dd>{date(cert.expiresAt)}</dd>
            </dl>
            <div className="flex flex-wrap gap-3">
              <a
                href={certificateHref(cert.id)}
                className={buttonClasses("primary")}
                data-testid="certificate-download"
              >
                <Download className="size-4" />
                {t("certificate.download")}
              </a>
              <Link
                href={`/verify/${cert.code}`}
                className={buttonClasses("secondary")}
                data-testid="certificate-verify"
              >
                {t("certificate.verify")}
              </Link>
            </div>
          </CardBody>
        </Card>
      ) : null}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("questions")}
        </h2>
        <ol className="space-y-3">
          {result.questions.map((question) => {
            const chosen = question.options.filter((o) => o.chosen);
            return (
              <li key={question.id} data-testid="result-question" data-right={question.right}>
                <Card>
                  <CardBody className="space-y-2 text-sm">
                    <p className="flex items-start gap-2">
                      <Badge tone={question.right ? "success" : "danger"}>
                        {question.right ? <Check className="size-3" /> : <X className="size-3" />}
                        {question.right ? t("right") : t("wrong")}
                      </Badge>
                      <span className="font-medium text-neutral-900" dir="auto">
                        {question.prompt}
                      </span>
                    </p>
                    <ul className="space-y-1 ps-2">
                      {question.options.map((option) => (
                        <li
                          key={option.id}
                          className={
                            option.isCorrect
                              ? "flex items-center gap-2 text-success-800"
                              : option.chosen
                                ? "flex items-center gap-2 text-danger-700 line-through"
                                : "flex items-center gap-2 text-muted"
                          }
                        >
                          <span aria-hidden className="w-4">
                            {option.isCorrect ? "✓" : option.chosen ? "✗" : ""}
                          </span>
                          <span dir="auto">{option.label}</span>
                          {option.chosen ? <span className="sr-only">({t("yourAnswer")})</span> : null}
                          {option.isCorrect ? <span className="sr-only">({t("rightAnswer")})</span> : null}
                        </li>
                      ))}
                    </ul>
                    {chosen.length === 0 ? <p className="text-muted">{t("noAnswer")}</p> : null}
                  </CardBody>
                </Card>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
