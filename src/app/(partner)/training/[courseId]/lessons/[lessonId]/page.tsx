import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, ChevronStart } from "@/components/ui";
import { Markdown } from "@/components/markdown";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { requirePartnerPage } from "@/server/auth/guards";
import { loadLesson } from "../../../load";
import { CompleteLesson } from "./complete-lesson";

type Props = { params: Promise<{ courseId: string; lessonId: string }> };

export async function generateMetadata({ params }: Props) {
  await requirePartnerPage();
  const { courseId, lessonId } = await params;
  return { title: (await loadLesson(courseId, lessonId)).title };
}

/** One lesson to read (a locked one sends the reader back to the outline), then on to the next. */
async function LessonPage({ params }: Props) {
  await requirePartnerPage();
  const { courseId, lessonId } = await params;
  const lesson = await loadLesson(courseId, lessonId);
  const t = await getTranslations("training");
  const tm = await getTranslations("markdown");
  const courseHref = `/training/${courseId}`;

  return (
    <>
      <Link href={courseHref} className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" />
        <span dir="auto">{lesson.courseTitle}</span>
      </Link>
      <p className="text-sm text-muted">{t("lesson.position", { n: lesson.position, count: lesson.lessonCount })}</p>
      <PageHeader title={<span dir="auto">{lesson.title}</span>} />
      <Card>
        <CardBody className="space-y-6" lang={lesson.language}>
          <Markdown source={lesson.body} newTabLabel={tm("newTab")} />
          {lesson.videoUrl ? (
            // A link, not an embedded player: no third-party frame runs inside the portal.
            <a
              href={lesson.videoUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
              data-testid="lesson-video"
            >
              {t("lesson.watch")}
              <span className="sr-only"> {t("lesson.newTab")}</span>
              <span aria-hidden>↗</span>
            </a>
          ) : null}
        </CardBody>
      </Card>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        {lesson.previousLessonId ? (
          <Link
            href={`${courseHref}/lessons/${lesson.previousLessonId}`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("lesson.previous")}
          </Link>
        ) : (
          <span />
        )}
        <CompleteLesson courseId={courseId} lessonId={lessonId} nextLessonId={lesson.nextLessonId} done={lesson.done} />
      </div>
    </>
  );
}

export default withClientMessages("(partner)/training/[courseId]/lessons/[lessonId]/page", LessonPage);
