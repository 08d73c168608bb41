import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, buttonClasses, Card, CardBody, CardHeader, Check, ChevronStart, FileText } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { requirePartnerPage } from "@/server/auth/guards";
import { loadCourse } from "../load";
import { ProgressBar } from "../progress-bar";
import { CERT_STATUS_TONE } from "../tones";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Props) {
  await requirePartnerPage();
  return { title: (await loadCourse((await params).courseId)).title };
}

/** The course outline: lessons in order (locked ones marked), progress, and the quiz's door. */
export default async function CoursePage({ params }: Props) {
  await requirePartnerPage();
  const { courseId } = await params;
  const course = await loadCourse(courseId);
  const [t, format] = await Promise.all([getTranslations("training"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const { quiz } = course;
  const nextLesson = course.lessons.find((l) => !l.done);
  const quizHref = `/training/${courseId}/quiz`;
  const startLabel = quiz.openAttemptId
    ? t("course.quiz.resume")
    : quiz.certification && quiz.certification.status !== "revoked"
      ? t("course.quiz.renew")
      : t("course.quiz.start");

  return (
    <>
      <Link href="/training" className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" />
        {t("course.back")}
      </Link>
      <PageHeader
        title={<span dir="auto">{course.title}</span>}
        description={course.summary ? <span dir="auto">{course.summary}</span> : undefined}
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title={t("course.lessons")}
            description={t("course.progress", { done: course.lessonsDone, total: course.lessons.length })}
            as="h2"
          />
          <CardBody className="space-y-4">
            <ProgressBar
              done={course.lessonsDone}
              total={course.lessons.length}
              label={t("card.progressLabel", { title: course.title })}
            />
            {course.lessons.length === 0 ? (
              <p className="text-sm text-muted">{t("course.noLessons")}</p>
            ) : (
              <ol className="divide-y divide-border" data-testid="lesson-list">
                {course.lessons.map((lesson, n) => (
                  <li
                    key={lesson.id}
                    className="flex items-center gap-3 py-3"
                    data-testid="lesson-item"
                    data-done={lesson.done}
                    data-unlocked={lesson.unlocked}
                  >
                    <span
                      aria-hidden
                      className={
                        lesson.done
                          ? "flex size-7 shrink-0 items-center justify-center rounded-full bg-success-100 text-success-700"
                          : "flex size-7 shrink-0 items-center justify-center rounded-full bg-neutral-100 text-xs text-neutral-600"
                      }
                    >
                      {lesson.done ? <Check className="size-4" /> : n + 1}
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="text-xs text-muted">{t("course.lessonN", { n: n + 1 })}</p>
                      {lesson.unlocked ? (
                        <Link
                          href={`/training/${courseId}/lessons/${lesson.id}`}
                          className="font-medium text-brand-700 hover:underline"
                          dir="auto"
                        >
                          {lesson.title}
                        </Link>
                      ) : (
                        <span className="font-medium text-neutral-500" dir="auto">
                          {lesson.title}
                        </span>
                      )}
                    </div>
                    {lesson.hasVideo ? <Badge>{t("course.video")}</Badge> : null}
                    {lesson.done ? (
                      <Badge tone="success">{t("course.done")}</Badge>
                    ) : lesson.unlocked ? (
                      <Badge tone="brand">{t("course.next")}</Badge>
                    ) : (
                      <Badge title={t("course.locked")}>{t("course.lockedShort")}</Badge>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {nextLesson?.unlocked ? (
              <Link href={`/training/${courseId}/lessons/${nextLesson.id}`} className={buttonClasses("secondary")}>
                {t("card.continue")}
              </Link>
            ) : null}
          </CardBody>
        </Card>

        <Card data-testid="quiz-card">
          <CardHeader
            title={t("course.quiz.title")}
            description={t("course.quiz.facts", { count: quiz.questionCount, mark: quiz.passMarkPercent })}
            as="h2"
          />
          <CardBody className="space-y-3 text-sm">
            <p>{t("course.quiz.attemptsLeft", { left: quiz.attemptsLeft, limit: quiz.attemptLimit })}</p>
            <p className="text-muted">{t("course.validity", { months: course.validityMonths })}</p>
            {quiz.certification ? (
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={CERT_STATUS_TONE[quiz.certification.status]}>
                  {t(`certStatus.${quiz.certification.status}`)}
                </Badge>
                {quiz.certification.status === "revoked" ? null : (
                  <span className="text-muted">
                    {quiz.certification.status === "expired"
                      ? t("card.expiredOn", { date: date(quiz.certification.expiresAt) })
                      : t("card.validUntil", { date: date(quiz.certification.expiresAt) })}
                  </span>
                )}
              </p>
            ) : null}
            {quiz.lastAttempt ? (
              <p>
                {t("course.quiz.lastResult", { score: quiz.lastAttempt.scorePercent ?? 0 })}{" "}
                <Link
                  href={`/training/${courseId}/quiz/${quiz.lastAttempt.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {t("course.quiz.seeResult")}
                </Link>
              </p>
            ) : null}
            {quiz.questionCount === 0 ? (
              <p className="text-muted">{t("course.quiz.noQuestions")}</p>
            ) : quiz.canStart ? (
              <Link href={quizHref} className={buttonClasses("primary")} data-testid="start-quiz">
                <FileText className="size-4" />
                {startLabel}
              </Link>
            ) : (
              <p className="rounded-md bg-neutral-50 p-3 text-muted" data-testid="quiz-blocked">
                {quiz.blockedBy === "alreadyCertified" && quiz.certification && quiz.renewableFrom
                  ? t("course.quiz.blocked.alreadyCertified", {
                      date: date(quiz.certification.expiresAt),
                      renewFrom: date(quiz.renewableFrom),
                    })
                  : t(
                      `course.quiz.blocked.${quiz.blockedBy === "noAttemptsLeft" ? "noAttemptsLeft" : "lessonsIncomplete"}`,
                    )}
              </p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
