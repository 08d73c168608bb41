"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type ChangeEvent } from "react";
import { Markdown } from "@/components/markdown";
import { Button, Card, CardBody, FormAlert, FormField, Input, Textarea, Upload, X } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import type { LessonRow } from "./model";
import { MoveButtons } from "./move-buttons";

/** The file's bytes as base64, without the data-URL prefix. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

interface LessonFieldsProps {
  lesson: LessonRow;
  index: number;
  count: number;
  /** Uploads need the course to exist: absent while a new course is written. */
  courseId: string | null;
  maxBody: number;
  error: (name: string) => string | undefined;
  onChange: (lesson: LessonRow) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One lesson: its title, its Markdown with a preview and an image upload, its video link. */
export function LessonFields({
  lesson,
  index,
  count,
  courseId,
  maxBody,
  error,
  onChange,
  onMove,
  onRemove,
}: LessonFieldsProps) {
  const t = useTranslations("coursesAdmin.editor");
  const tm = useTranslations("markdown");
  const trpc = useTRPC();
  const [previewing, setPreviewing] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const id = `lesson-${lesson.key}`;
  const name = t("lessonN", { n: index + 1 });

  const upload = useFormMutation(trpc.manage.courses.uploadImage.mutationOptions(), {
    done: t("imageInserted"),
    refresh: false,
    onSuccess: ({ markdown }) => {
      // Inserted where the cursor was (at the end when the text was never focused).
      const area = body.current;
      const start = area?.selectionStart ?? lesson.body.length;
      const end = area?.selectionEnd ?? lesson.body.length;
      const before = lesson.body.slice(0, start);
      const gap = before === "" || before.endsWith("\n") ? "" : "\n\n";
      onChange({ ...lesson, body: `${before}${gap}${markdown}\n\n${lesson.body.slice(end)}` });
    },
  });
  const uploadError =
    upload.field("contentBase64") ?? upload.field("fileName") ?? upload.field("courseId") ?? upload.errors.message;

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen || !courseId) return;
    upload.send({ courseId, fileName: chosen.name, contentBase64: await base64Of(chosen) });
  }

  return (
    <Card data-testid="lesson">
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold text-neutral-900">{name}</h3>
          <div className="flex items-center gap-1">
            <MoveButtons item={name} index={index} count={count} onMove={onMove} />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={onRemove}
              disabled={count === 1}
              aria-label={t("removeLesson", { n: index + 1 })}
            >
              <X className="size-4" />
            </Button>
          </div>
        </div>
        <FormField label={t("lessonTitle")} htmlFor={`${id}-title`} error={error("title")} required>
          <Input value={lesson.title} onChange={(e) => onChange({ ...lesson, title: e.target.value })} dir="auto" />
        </FormField>
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div role="group" aria-label={t("lessonBody")} className="flex gap-1">
              <Button
                type="button"
                size="sm"
                variant={previewing ? "ghost" : "secondary"}
                aria-pressed={!previewing}
                onClick={() => setPreviewing(false)}
              >
                {t("write")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant={previewing ? "secondary" : "ghost"}
                aria-pressed={previewing}
                onClick={() => setPreviewing(true)}
              >
                {t("preview")}
              </Button>
            </div>
            {courseId && !previewing ? (
              <>
                <input
                  ref={file}
                  type="file"
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  className="sr-only"
                  tabIndex={-1}
                  aria-hidden="true"
                  onChange={pick}
                />
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  onClick={() => file.current?.click()}
                  disabled={upload.pending}
                  data-testid="upload-image"
                >
                  <Upload className="size-4" />
                  {upload.pending ? t("uploading") : t("uploadImage")}
                </Button>
              </>
            ) : null}
          </div>
          {previewing ? (
            <div className="min-h-40 rounded-md border border-border p-4" data-testid="lesson-preview">
              {lesson.body.trim() ? (
                <Markdown source={lesson.body} newTabLabel={tm("newTab")} />
              ) : (
                <p className="text-sm text-muted">{t("previewEmpty")}</p>
              )}
            </div>
          ) : (
            <FormField
              label={t("lessonBody")}
              htmlFor={`${id}-body`}
              hint={t("lessonBodyHint")}
              error={error("body")}
              hideLabel
            >
              <Textarea
                ref={body}
                rows={10}
                maxLength={maxBody}
                value={lesson.body}
                onChange={(e) => onChange({ ...lesson, body: e.target.value })}
                className="font-mono text-sm"
              />
            </FormField>
          )}
          <FormAlert message={uploadError} />
        </div>
        <FormField label={t("video")} htmlFor={`${id}-video`} hint={t("videoHint")} error={error("videoUrl")}>
          <Input
            type="url"
            inputMode="url"
            dir="ltr"
            placeholder="https://"
            value={lesson.videoUrl}
            onChange={(e) => onChange({ ...lesson, videoUrl: e.target.value })}
          />
        </FormField>
      </CardBody>
    </Card>
  );
}
