"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, Dialog, FormAlert, type ButtonVariant } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Where the course stands, as the editor page read it. */
export interface CourseState {
  courseId: string;
  hasDraft: boolean;
  /** The version the editor shows (the draft's, else the published one's). */
  version: number;
  retired: boolean;
}

/** A button that asks first, in a dialog, before it acts. */
function ConfirmButton({
  label,
  title,
  body,
  confirm,
  variant,
  pending,
  error,
  onConfirm,
  testId,
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirm: string;
  variant: ButtonVariant;
  pending: boolean;
  error: string | null | undefined;
  /** Resolves when the server accepted (the dialog then closes), rejects when it refused (it stays, with the reason). */
  onConfirm: () => Promise<unknown>;
  testId: string;
}) {
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant={variant} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      {open ? (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={title}
          closeLabel={tc("close")}
          footer={
            <>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button
                type="button"
                variant={variant === "secondary" ? "primary" : variant}
                disabled={pending}
                onClick={() =>
                  onConfirm().then(
                    () => setOpen(false),
                    () => undefined,
                  )
                }
                data-testid={`${testId}-confirm`}
              >
                {confirm}
              </Button>
            </>
          }
        >
          <div className="flex flex-col gap-3 text-sm">
            {body}
            <FormAlert message={error} />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/** Sends a course action for a dialog, clearing the last refusal first (`send` would, but returns nothing to await). */
function run(
  action: { clear: () => void; mutation: { mutateAsync: (input: { courseId: string }) => Promise<unknown> } },
  courseId: string,
) {
  action.clear();
  return action.mutation.mutateAsync({ courseId });
}

/** Publish, discard the draft, retire or restore: each confirmed, each re-reading the page after. */
export function CourseActions({ state, dirty }: { state: CourseState; dirty: boolean }) {
  const t = useTranslations("coursesAdmin.editor");
  const trpc = useTRPC();
  const router = useRouter();
  const { courseId } = state;
  const publish = useFormMutation(trpc.manage.courses.publish.mutationOptions(), {
    done: (v) => t("published", { version: v.version }),
  });
  const discard = useFormMutation(trpc.manage.courses.discardDraft.mutationOptions(), {
    done: t("discarded"),
    refresh: false,
    // A never-published course goes with its draft: back to the list then.
    onSuccess: ({ courseDeleted }) => (courseDeleted ? router.push("/manage/courses") : router.refresh()),
  });
  const retire = useFormMutation(trpc.manage.courses.retire.mutationOptions(), { done: t("retired") });
  const restore = useFormMutation(trpc.manage.courses.restore.mutationOptions(), { done: t("restored") });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="course-actions">
      {state.hasDraft ? (
        <>
          <ConfirmButton
            label={t("publish")}
            title={t("publishTitle", { version: state.version })}
            body={
              <>
                <p>{t("publishBody")}</p>
                {dirty ? <p className="font-medium text-warning-700">{t("saveBeforePublish")}</p> : null}
              </>
            }
            confirm={t("publishConfirm")}
            variant="primary"
            pending={publish.pending}
            error={publish.errors.message}
            onConfirm={() => run(publish, courseId)}
            testId="publish-course"
          />
          <ConfirmButton
            label={t("discard")}
            title={t("discardTitle")}
            body={<p>{t("discardBody")}</p>}
            confirm={t("discardConfirm")}
            variant="danger"
            pending={discard.pending}
            error={discard.errors.message}
            onConfirm={() => run(discard, courseId)}
            testId="discard-draft"
          />
        </>
      ) : null}
      {state.retired ? (
        <Button
          type="button"
          variant="secondary"
          disabled={restore.pending}
          onClick={() => restore.send({ courseId })}
          data-testid="restore-course"
        >
          {t("restore")}
        </Button>
      ) : (
        <ConfirmButton
          label={t("retire")}
          title={t("retireTitle")}
          body={<p>{t("retireBody")}</p>}
          confirm={t("retireConfirm")}
          variant="secondary"
          pending={retire.pending}
          error={retire.errors.message}
          onConfirm={() => run(retire, courseId)}
          testId="retire-course"
        />
      )}
      <FormAlert message={restore.errors.message} />
    </div>
  );
}
