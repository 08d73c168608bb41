"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, FormField, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

const MAX_LENGTH = 5000;

/** Adds a message to a lead's thread, as the partner (`leads.comment`) or the program team (`leadReview.comment`). */
export function CommentForm({ leadId, side }: { leadId: string; side: "partner" | "staff" }) {
  const t = useTranslations("leadsShared.comment");
  const tf = useTranslations("leadFields");
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const config = { done: t("sent"), onSuccess: () => setBody("") };
  // Both hooks are always called (hooks cannot be conditional); only the one for this side is used.
  const asPartner = useFormMutation(trpc.partner.leads.comment.mutationOptions(), config);
  const asStaff = useFormMutation(trpc.manage.leads.comment.mutationOptions(), config);
  const { submit, errors, field, pending } = side === "partner" ? asPartner : asStaff;

  const error = field("body");
  const message = errors.message && !error ? errors.message : null;
  const hint = side === "partner" ? t("hintPartner") : t("hintStaff");
  return (
    <form onSubmit={submit(() => ({ leadId, body }))} noValidate className="space-y-3" data-testid="comment-form">
      <FormAlert message={message} />
      <FormField label={tf("body")} htmlFor="comment-body" hint={hint} error={error}>
        <Textarea
          name="body"
          rows={4}
          maxLength={MAX_LENGTH}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="comment-body"
        />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={pending} data-testid="comment-submit">
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
