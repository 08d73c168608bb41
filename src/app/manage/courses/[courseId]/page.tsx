import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { isUuid } from "@/lib/ids";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { CourseEditor } from "../_editor/course-editor";
import { EDITOR_LIMITS, tierChoices } from "../_editor/editor-props";
import { STATUS_TONE } from "../tones";
import { CoursePreview } from "./course-preview";

async function load(courseId: string) {
  if (!isUuid(courseId)) notFound();
  return (await api()).manage.courses.forEditing({ courseId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  if (!isUuid(courseId)) return {};
  const course = await load(courseId).catch(() => null);
  return course ? { title: course.editing.title } : {};
}

async function CourseEditorPage({ params }: { params: Promise<{ courseId: string }> }) {
  await requireStaffPage("partner_manager");
  const { courseId } = await params;
  const [course, tiers, t, format] = await Promise.all([
    load(courseId),
    tierChoices(),
    getTranslations("coursesAdmin"),
    getFormatter(),
  ]);
  const { editing } = course;
  const retired = course.retiredAt !== null;
  return (
    <>
      <Link href="/manage/courses" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("editor.back")}
      </Link>
      <PageHeader
        title={<bdi dir="auto">{editing.title}</bdi>}
        description={
          course.hasDraft
            ? t("editor.editingDraft", { version: editing.version })
            : t("editor.editingPublished", { version: editing.version, next: editing.version + 1 })
        }
        actions={
          <div className="flex flex-wrap items-center gap-2" data-testid="course-status">
            {retired ? <Badge tone={STATUS_TONE.retired}>{t("status.retired")}</Badge> : null}
            {course.publishedVersion !== null ? (
              <Badge tone={STATUS_TONE.published}>
                {t("status.published")} · {t("version", { version: course.publishedVersion })}
              </Badge>
            ) : null}
            {course.hasDraft ? (
              <Badge tone={course.publishedVersion !== null ? "warning" : STATUS_TONE.draft}>
                {t("status.draft")} · {t("version", { version: editing.version })}
              </Badge>
            ) : null}
          </div>
        }
      />
      {retired ? (
        <p role="status" className="mb-4 rounded-md border border-danger-200 bg-danger-50 p-3 text-sm text-danger-800">
          {t("editor.retiredNotice")}
        </p>
      ) : null}
      <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CourseEditor
          key={`${editing.versionId}-${editing.status}`}
          mode={{ kind: "edit", courseId, hasDraft: course.hasDraft, version: editing.version, retired }}
          initial={editing}
          tiers={tiers}
          limits={EDITOR_LIMITS}
        />
        <aside className="flex flex-col gap-4">
          <CoursePreview published={course.published} />
          <section aria-labelledby="history-title" className="rounded-md border border-border p-4">
            <h2 id="history-title" className="mb-2 text-sm font-semibold text-neutral-900">
              {t("editor.history")}
            </h2>
            <ul className="flex flex-col gap-1 text-sm">
              {course.history.map((v) => (
                <li key={v.version} className="flex flex-wrap items-center gap-2">
                  <span>{t("version", { version: v.version })}</span>
                  <Badge tone={STATUS_TONE[v.status]}>{t(`status.${v.status}`)}</Badge>
                  {v.publishedAt ? (
                    <span className="text-muted">{format.dateTime(v.publishedAt, { dateStyle: "medium" })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

export default withClientMessages("manage/courses/[courseId]/page", CourseEditorPage);
