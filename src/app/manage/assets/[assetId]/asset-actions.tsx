"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Dialog, FileInput, FormAlert, FormField, Input } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import type { FormErrors } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import { postUpload } from "../_form/asset-form";

/** Archive or restore, each asked first in a dialog. */
export function ArchiveToggle({ assetId, archived }: { assetId: string; archived: boolean }) {
  const t = useTranslations("assetsAdmin.detail");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const archive = useFormMutation(trpc.manage.assets.archive.mutationOptions(), {
    done: t("archived"),
    onSuccess: () => setOpen(false),
  });
  const restore = useFormMutation(trpc.manage.assets.restore.mutationOptions(), {
    done: t("restored"),
    onSuccess: () => setOpen(false),
  });
  const action = archived ? restore : archive;
  return (
    <>
      <Button
        type="button"
        variant={archived ? "secondary" : "danger"}
        onClick={() => setOpen(true)}
        data-testid={archived ? "restore-asset" : "archive-asset"}
      >
        {archived ? t("restore") : t("archive")}
      </Button>
      {open ? (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={archived ? t("restoreTitle") : t("archiveTitle")}
          closeLabel={tc("close")}
          footer={
            <>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button
                type="button"
                variant={archived ? "primary" : "danger"}
                disabled={action.pending}
                onClick={() => action.send({ assetId })}
                data-testid="confirm-archive-toggle"
              >
                {archived ? t("restore") : t("archive")}
              </Button>
            </>
          }
        >
          <div className="flex flex-col gap-3 text-sm">
            <p>{archived ? t("restoreBody") : t("archiveBody")}</p>
            <FormAlert message={action.errors.message} />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/** A new version of the file, with a note of what changed. */
export function ReplaceFile({ assetId, maxMb }: { assetId: string; maxMb: number }) {
  const t = useTranslations("assetsAdmin");
  const feedback = useMutationFeedback();
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, message: null });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    data.set("assetId", assetId);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ fields: { file: t("form.chooseFile") }, message: null });
      return;
    }
    setErrors({ fields: {}, message: null });
    setPending(true);
    try {
      const result = await postUpload(data);
      if (!result.ok) return setErrors(result.errors);
      form.reset();
      feedback.done(t("detail.replaced", { version: result.answer.version ?? 0 }));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid="replace-file">
      <FormField
        label={t("form.file")}
        htmlFor="replace-file-input"
        hint={t("form.fileHint", { maxMb })}
        error={errors.fields.file}
        required
      >
        <FileInput name="file" accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.zip" required />
      </FormField>
      <FormField label={t("detail.note")} htmlFor="replace-note" error={errors.fields.note}>
        <Input name="note" maxLength={300} dir="auto" />
      </FormField>
      <FormAlert message={errors.fields.file || errors.fields.note ? null : errors.message} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("form.uploading") : t("detail.upload")}
        </Button>
      </div>
    </form>
  );
}
