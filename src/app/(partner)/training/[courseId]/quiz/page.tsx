import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { requirePartnerPage } from "@/server/auth/guards";
import { loadCourse } from "../../load";
import { QuizForm } from "./quiz-form";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Props) {
  await requirePartnerPage();
  const course = await loadCourse((await params).courseId);
  return { title: (await getTranslations("training.quiz"))("title", { course: course.title }) };
}

/** The quiz: the outline is read here (404 for a hidden course); the attempt starts in the browser. */
async function QuizPage({ params }: Props) {
  await requirePartnerPage();
  const { courseId } = await params;
  const course = await loadCourse(courseId);
  const t = await getTranslations("training.quiz");
  return (
    <>
      <Link
        href={`/training/${courseId}`}
        className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
      >
        <ChevronStart className="size-4" />
        {t("back")}
      </Link>
      <PageHeader
        title={<span dir="auto">{t("title", { course: course.title })}</span>}
        description={t("intro", { mark: course.quiz.passMarkPercent })}
      />
      <QuizForm courseId={courseId} language={course.language} />
    </>
  );
}

export default withClientMessages("(partner)/training/[courseId]/quiz/page", QuizPage);
