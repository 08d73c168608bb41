import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge, Card, CardBody, CardHeader, Check } from "@/components/ui";

interface PublishedContent {
  version: number;
  title: string;
  summary: string;
  language: "en" | "ar";
  lessons: { id: string; title: string; body: string; videoUrl: string | null }[];
  questions: {
    id: string;
    prompt: string;
    kind: "single" | "multiple";
    options: { id: string; label: string; isCorrect: boolean }[];
  }[];
}

/**
 * The published version read-only, laid out as partners read it (in the course's language and
 * direction). Staff see which answers are right; partners never get them before they submit.
 */
export async function CoursePreview({ published }: { published: PublishedContent | null }) {
  const t = await getTranslations("coursesAdmin");
  const tm = await getTranslations("markdown");
  if (!published)
    return (
      <Card>
        <CardHeader as="h2" title={t("preview.title")} />
        <CardBody>
          <p className="text-sm text-muted">{t("preview.none")}</p>
        </CardBody>
      </Card>
    );
  return (
    <Card data-testid="course-preview">
      <CardHeader as="h2" title={t("preview.title")} description={t("preview.hint", { version: published.version })} />
      <CardBody>
        <article
          lang={published.language}
          dir={published.language === "ar" ? "rtl" : "ltr"}
          className="flex flex-col gap-6"
        >
          <header>
            <h3 className="text-xl font-semibold text-neutral-900">{published.title}</h3>
            {published.summary ? <p className="mt-1 text-sm text-muted">{published.summary}</p> : null}
          </header>
          <ol className="flex flex-col gap-6">
            {published.lessons.map((lesson, i) => (
              <li key={lesson.id} className="rounded-md border border-border p-4">
                <h4 className="mb-2 font-semibold text-neutral-900">
                  {i + 1}. {lesson.title}
                </h4>
                <Markdown source={lesson.body} newTabLabel={tm("newTab")} />
                {lesson.videoUrl ? (
                  <a
                    href={lesson.videoUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="mt-2 inline-block text-sm text-brand-700 hover:underline"
                  >
                    {t("preview.video")}
                    <span className="sr-only"> ({tm("newTab")})</span>
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
          <section>
            <h4 className="mb-3 font-semibold text-neutral-900">{t("editor.questions")}</h4>
            <ol className="flex flex-col gap-4">
              {published.questions.map((question, i) => (
                <li key={question.id}>
                  <p className="font-medium text-neutral-900">
                    {i + 1}. {question.prompt}
                  </p>
                  <p className="text-xs text-muted">{t(`editor.kinds.${question.kind}`)}</p>
                  <ul className="mt-2 flex flex-col gap-1">
                    {question.options.map((option) => (
                      <li key={option.id} className="flex items-center gap-2 text-sm">
                        <span aria-hidden="true" className="inline-block size-4 rounded-sm border border-border" />
                        <span>{option.label}</span>
                        {option.isCorrect ? (
                          <Badge tone="success">
                            <Check className="size-3" aria-hidden="true" />
                            {t("preview.correct")}
                          </Badge>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </article>
      </CardBody>
    </Card>
  );
}
