"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  FormAlert,
  FormField,
  Input,
  Plus,
  Select,
  Textarea,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { CourseActions, type CourseState } from "./course-actions";
import { LessonFields } from "./lesson-fields";
import {
  blankLesson,
  blankQuestion,
  contentOf,
  formOf,
  moved,
  type CourseContentView,
  type CourseForm,
  type TierChoice,
} from "./model";
import { QuestionFields } from "./question-fields";

/** The limits of the server's schema, handed down by the page (the schema itself stays on the server). */
export interface EditorLimits {
  title: number;
  summary: number;
  lessonBody: number;
  lessons: number;
  questions: number;
  minOptions: number;
  maxOptions: number;
}

type Mode = { kind: "create"; language: "en" | "ar" } | ({ kind: "edit" } & CourseState);

export function CourseEditor({
  mode,
  initial,
  tiers,
  limits,
}: {
  mode: Mode;
  initial: CourseContentView | null;
  tiers: TierChoice[];
  limits: EditorLimits;
}) {
  const t = useTranslations("coursesAdmin.editor");
  const tl = useTranslations("coursesAdmin.languages");
  const tc = useTranslations("coursesAdmin");
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState<CourseForm>(() => formOf(initial, mode.kind === "create" ? mode.language : "en"));
  const [savedAs, setSavedAs] = useState(() => JSON.stringify(contentOf(form)));
  const dirty = JSON.stringify(contentOf(form)) !== savedAs;

  const create = useFormMutation(trpc.manage.courses.create.mutationOptions(), {
    done: t("created"),
    refresh: false,
    onSuccess: ({ courseId }) => router.push(`/manage/courses/${courseId}`),
  });
  const save = useFormMutation(trpc.manage.courses.saveDraft.mutationOptions(), {
    done: (saved) => t("saved", { version: saved.version }),
    onSuccess: (_saved, variables) => setSavedAs(JSON.stringify({ ...variables, courseId: undefined })),
  });
  const { field, errors, pending } = mode.kind === "create" ? create : save;

  function submit() {
    const content = contentOf(form);
    if (mode.kind === "create") create.send(content);
    else save.send({ courseId: mode.courseId, ...content });
  }

  const set = <K extends keyof CourseForm>(key: K, value: CourseForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const numberLabels = {
    passMarkPercent: [t("passMark"), t("passMarkHint")],
    attemptLimit: [t("attemptLimit"), t("attemptLimitHint")],
    validityMonths: [t("validityMonths"), t("validityMonthsHint")],
  } as const;
  const numberField = (key: keyof typeof numberLabels, max: number) => (
    <FormField
      label={numberLabels[key][0]}
      htmlFor={`course-${key}`}
      hint={numberLabels[key][1]}
      error={field(key)}
      required
    >
      <Input
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        className="w-32"
      />
    </FormField>
  );

  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="course-editor"
    >
      {mode.kind === "edit" ? <CourseActions state={mode} dirty={dirty} /> : null}

      <Card>
        <CardHeader as="h2" title={t("settings")} description={t("settingsHint")} />
        <CardBody className="grid gap-4 md:grid-cols-2">
          <FormField
            label={t("title")}
            htmlFor="course-title"
            error={field("title")}
            required
            className="md:col-span-2"
          >
            <Input
              value={form.title}
              maxLength={limits.title}
              onChange={(e) => set("title", e.target.value)}
              dir="auto"
            />
          </FormField>
          <FormField
            label={t("summary")}
            htmlFor="course-summary"
            hint={t("summaryHint")}
            error={field("summary")}
            className="md:col-span-2"
          >
            <Textarea
              rows={3}
              maxLength={limits.summary}
              value={form.summary}
              onChange={(e) => set("summary", e.target.value)}
            />
          </FormField>
          <FormField label={t("language")} htmlFor="course-language" error={field("language")} required>
            <Select value={form.language} onChange={(e) => set("language", e.target.value as "en" | "ar")}>
              <option value="en">{tl("en")}</option>
              <option value="ar">{tl("ar")}</option>
            </Select>
          </FormField>
          <FormField label={t("minTier")} htmlFor="course-tier" hint={t("minTierHint")} error={field("minTierId")}>
            <Select value={form.minTierId} onChange={(e) => set("minTierId", e.target.value)}>
              <option value="">{tc("everyone")}</option>
              {tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.label}
                </option>
              ))}
            </Select>
          </FormField>
          {numberField("passMarkPercent", 100)}
          {numberField("attemptLimit", 20)}
          {numberField("validityMonths", 120)}
        </CardBody>
      </Card>

      <section aria-labelledby="lessons-title" className="flex flex-col gap-3">
        <div>
          <h2 id="lessons-title" className="text-lg font-semibold text-neutral-900">
            {t("lessons")}
          </h2>
          <p className="text-sm text-muted">{t("lessonsHint")}</p>
          <FormAlert message={field("lessons")} />
        </div>
        {form.lessons.map((lesson, i) => (
          <LessonFields
            key={lesson.key}
            lesson={lesson}
            index={i}
            count={form.lessons.length}
            courseId={mode.kind === "edit" ? mode.courseId : null}
            maxBody={limits.lessonBody}
            error={(name) => field(`lessons.${i}.${name}`)}
            onChange={(next) =>
              set(
                "lessons",
                form.lessons.map((l) => (l.key === lesson.key ? next : l)),
              )
            }
            onMove={(by) => set("lessons", moved(form.lessons, i, by))}
            onRemove={() =>
              set(
                "lessons",
                form.lessons.filter((l) => l.key !== lesson.key),
              )
            }
          />
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => set("lessons", [...form.lessons, blankLesson()])}
            disabled={form.lessons.length >= limits.lessons}
            data-testid="add-lesson"
          >
            <Plus className="size-4" />
            {t("addLesson")}
          </Button>
        </div>
      </section>

      <section aria-labelledby="questions-title" className="flex flex-col gap-3">
        <div>
          <h2 id="questions-title" className="text-lg font-semibold text-neutral-900">
            {t("questions")}
          </h2>
          <p className="text-sm text-muted">{t("questionsHint")}</p>
          <FormAlert message={field("questions")} />
        </div>
        {form.questions.map((question, i) => (
          <QuestionFields
            key={question.key}
            question={question}
            index={i}
            count={form.questions.length}
            minOptions={limits.minOptions}
            maxOptions={limits.maxOptions}
            error={(name) => field(`questions.${i}.${name}`)}
            onChange={(next) =>
              set(
                "questions",
                form.questions.map((q) => (q.key === question.key ? next : q)),
              )
            }
            onMove={(by) => set("questions", moved(form.questions, i, by))}
            onRemove={() =>
              set(
                "questions",
                form.questions.filter((q) => q.key !== question.key),
              )
            }
          />
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => set("questions", [...form.questions, blankQuestion()])}
            disabled={form.questions.length >= limits.questions}
            data-testid="add-question"
          >
            <Plus className="size-4" />
            {t("addQuestion")}
          </Button>
        </div>
      </section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-border bg-surface py-3">
        <Button type="submit" disabled={pending} data-testid="save-course">
          {mode.kind === "create" ? t("create") : t("saveDraft")}
        </Button>
        <FormAlert message={errors.message} />
      </div>
    </form>
  );
}
