"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClasses, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** "Mark as read and continue": records the lesson, then opens the next one (or the course, for the quiz). */
export function CompleteLesson({
  courseId,
  lessonId,
  nextLessonId,
  done,
}: {
  courseId: string;
  lessonId: string;
  nextLessonId: string | null;
  done: boolean;
}) {
  const t = useTranslations("training.lesson");
  const trpc = useTRPC();
  const router = useRouter();
  const courseHref = `/training/${courseId}`;
  const { send, errors, pending } = useFormMutation(trpc.partner.training.completeLesson.mutationOptions(), {
    refresh: false,
    onSuccess: (result) => {
      router.push(result.nextLessonId ? `${courseHref}/lessons/${result.nextLessonId}` : courseHref);
      router.refresh();
    },
  });
  if (done)
    return (
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-muted">{t("alreadyRead")}</span>
        <Link
          href={nextLessonId ? `${courseHref}/lessons/${nextLessonId}` : courseHref}
          className={buttonClasses("primary")}
          data-testid="next-lesson"
        >
          {nextLessonId ? t("continue") : t("toCourse")}
        </Link>
      </div>
    );
  return (
    <div className="flex flex-col items-end gap-2">
      <FormAlert message={errors.message} />
      <Button loading={pending} onClick={() => send({ courseId, lessonId })} data-testid="complete-lesson">
        {nextLessonId ? t("markRead") : t("markReadLast")}
      </Button>
    </div>
  );
}
