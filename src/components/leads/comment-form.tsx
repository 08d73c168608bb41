"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, fieldDescribedBy, FormField, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";

const MAX_LENGTH = 5000;

/** Adds a message to a lead's thread, as the partner (`leads.comment`) or the program team (`leadReview.comment`). */
export function CommentForm({ leadId, side }: { leadId: string; side: "partner" | "staff" }) {
  const t = useTranslations("leadsShared.comment");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const [body, setBody] = useState("");
  const options = {
    onSuccess: () => {
      setBody("");
      clear();
      feedback.done(t("sent"));
    },
    onError: fromError,
  };
  // Both hooks are always called (hooks cannot be conditional); only the one for this side is used.
  const asPartner = useMutation(trpc.leads.comment.mutationOptions(options));
  const asStaff = useMutation(trpc.leadReview.comment.mutationOptions(options));
  const comment = side === "partner" ? asPartner : asStaff;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    comment.mutate({ leadId, body });
  }

  const error = field("body");
  const message = errors.message && !error ? errors.message : null;
  const hint = side === "partner" ? t("hintPartner") : t("hintStaff");
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="comment-form">
      <FormAlert message={message} />
      <FormField label={tf("body")} htmlFor="comment-body" hint={hint} error={error}>
        <Textarea
          id="comment-body"
          name="body"
          rows={4}
          maxLength={MAX_LENGTH}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy("comment-body", { hint, error })}
          data-testid="comment-body"
        />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={comment.isPending} data-testid="comment-submit">
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
