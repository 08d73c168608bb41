"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, checkboxClasses, Dialog, FormAlert, Spinner } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/**
 * Starts the attempt (or resumes the open one: starting twice returns the same attempt) and shows
 * its questions in the order the server drew. Nothing here knows which answer is right; the
 * server grades on submit and the result page shows it.
 */
export function QuizForm({ courseId, language }: { courseId: string; language: string }) {
  const t = useTranslations("training.quiz");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.partner.training.startAttempt.mutationOptions());
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [confirming, setConfirming] = useState(false);
  const { send, errors, pending } = useFormMutation(trpc.partner.training.submitAttempt.mutationOptions(), {
    refresh: false,
    onSuccess: (result) => {
      router.push(`/training/${courseId}/quiz/${result.attemptId}`);
      router.refresh();
    },
    onError: () => setConfirming(false),
  });
  const { mutate } = start;
  useEffect(() => {
    mutate({ courseId });
  }, [mutate, courseId]);

  if (start.isError)
    return (
      <Card>
        <CardBody>
          <FormAlert message={start.error.message || t("failedToStart")} />
        </CardBody>
      </Card>
    );
  const attempt = start.data;
  if (!attempt)
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted">
        <Spinner className="size-4" />
        {t("loading")}
      </p>
    );

  const count = attempt.questions.length;
  const answered = attempt.questions.filter((q) => (chosen[q.id] ?? []).length > 0).length;
  const pick = (questionId: string, optionId: string, multiple: boolean, on: boolean) =>
    setChosen((current) => {
      const now = current[questionId] ?? [];
      const next = multiple ? (on ? [...now, optionId] : now.filter((id) => id !== optionId)) : [optionId];
      return { ...current, [questionId]: next };
    });
  const submit = () =>
    send({
      attemptId: attempt.attemptId,
      answers: attempt.questions.map((q) => ({ questionId: q.id, optionIds: chosen[q.id] ?? [] })),
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
      className="space-y-4"
      lang={language}
      data-testid="quiz-form"
      data-attempt={attempt.attemptId}
    >
      {attempt.questions.map((question, n) => {
        const multiple = question.kind === "multiple";
        const hintId = `q-${question.id}-hint`;
        return (
          <Card key={question.id}>
            <CardBody>
              <fieldset aria-describedby={hintId} data-testid="quiz-question">
                <legend className="mb-1 text-xs text-muted">{t("questionN", { n: n + 1, count })}</legend>
                <p className="font-medium text-neutral-900" dir="auto">
                  {question.prompt}
                </p>
                <p id={hintId} className="mb-3 text-xs text-muted">
                  {multiple ? t("multiple") : t("single")}
                </p>
                <div className="space-y-2">
                  {question.options.map((option) => {
                    const id = `q-${question.id}-${option.id}`;
                    const checked = (chosen[question.id] ?? []).includes(option.id);
                    return (
                      <label
                        key={option.id}
                        htmlFor={id}
                        className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 hover:bg-neutral-50"
                      >
                        <input
                          id={id}
                          type={multiple ? "checkbox" : "radio"}
                          name={question.id}
                          value={option.id}
                          checked={checked}
                          onChange={(event) => pick(question.id, option.id, multiple, event.target.checked)}
                          className={multiple ? checkboxClasses : "mt-0.5 size-4 accent-brand-600"}
                        />
                        <span dir="auto">{option.label}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </CardBody>
          </Card>
        );
      })}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <FormAlert message={errors.message} />
        <span className="text-sm text-muted" aria-live="polite">
          {t("answered", { answered, count })}
        </span>
        <Button type="submit" data-testid="submit-quiz">
          {t("submit")}
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("confirmTitle")}
        description={t("confirmBody")}
        closeLabel={tc("close")}
      >
        {answered < count ? (
          <p className="mb-4 text-sm text-warning-800">{t("confirmUnanswered", { count: count - answered })}</p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            {tc("cancel")}
          </Button>
          <Button type="button" loading={pending} onClick={submit} data-testid="confirm-submit-quiz">
            {t("confirm")}
          </Button>
        </div>
      </Dialog>
    </form>
  );
}
