"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormAlert, FormField, Textarea } from "@/components/ui";
import { formMessage } from "@/trpc/form-errors";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Revokes one certification with a reason the person will read; the tier is rechecked on the server. */
export function RevokeCertification({
  certificationId,
  person,
  partner,
  course,
}: {
  certificationId: string;
  person: string;
  partner: string;
  course: string;
}) {
  const t = useTranslations("certificationsAdmin.revoke");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const revoke = useFormMutation(trpc.manage.certifications.revoke.mutationOptions(), {
    done: (result) => (result.tierChanged ? t("doneTierChanged") : t("done")),
    onSuccess: () => setOpen(false),
  });
  const submit = revoke.submit((data) => ({ certificationId, reason: String(data.get("reason") ?? "") }));
  const message = formMessage(revoke.errors, ["reason"]);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        aria-label={t("openFor", { person, course })}
        onClick={() => {
          revoke.clear();
          setOpen(true);
        }}
        data-testid="revoke-certification"
      >
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        description={t("hint", { person, partner, course })}
        closeLabel={tc("close")}
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormAlert message={message} />
          <FormField
            label={t("reason")}
            htmlFor="revoke-reason"
            hint={t("reasonHint")}
            error={revoke.field("reason")}
            required
          >
            <Textarea name="reason" rows={3} required minLength={5} maxLength={1000} dir="auto" />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={revoke.pending} data-testid="confirm-revoke-certification">
              {t("submit")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
