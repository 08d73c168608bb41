"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Archive (with a confirmation: partners lose it at once) or restore a template. */
export function TemplateActions({ assetId, archived }: { assetId: string; archived: boolean }) {
  const t = useTranslations("cobrandAdmin.actions");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const archive = useFormMutation(trpc.manage.cobrand.archive.mutationOptions(), {
    done: t("archived"),
    onSuccess: () => setOpen(false),
  });
  const restore = useFormMutation(trpc.manage.cobrand.restore.mutationOptions(), { done: t("restored") });
  if (archived)
    return (
      <div className="flex flex-col items-end gap-1">
        <Button
          type="button"
          variant="secondary"
          loading={restore.pending}
          onClick={() => restore.send({ assetId })}
          data-testid="template-restore"
        >
          {t("restore")}
        </Button>
        <FormAlert message={restore.errors.message} />
      </div>
    );
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} data-testid="template-archive">
        {t("archive")}
      </Button>
      {open ? (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={t("archiveTitle")}
          closeLabel={tc("close")}
          footer={
            <>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button
                type="button"
                variant="danger"
                loading={archive.pending}
                onClick={() => archive.send({ assetId })}
                data-testid="template-archive-confirm"
              >
                {t("archive")}
              </Button>
            </>
          }
        >
          <div className="flex flex-col gap-3 text-sm">
            <p>{t("archiveBody")}</p>
            <FormAlert message={archive.errors.message} />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
