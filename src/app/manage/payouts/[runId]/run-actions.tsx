"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/**
 * Approve (a second person: the creator sees why not, and the server refuses them anyway) and
 * cancel, for a draft run.
 */
export function DraftActions({ runId, ownRun }: { runId: string; ownRun: boolean }) {
  const t = useTranslations("payoutsAdmin.run");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const approve = useFormMutation(trpc.manage.payouts.approve.mutationOptions(), { done: t("approved") });
  const cancel = useFormMutation(trpc.manage.payouts.cancel.mutationOptions(), {
    done: t("cancelled"),
    onSuccess: () => setConfirmCancel(false),
  });
  const busy = approve.pending || cancel.pending;
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => {
            cancel.clear();
            setConfirmCancel(true);
          }}
          data-testid="cancel-run"
        >
          {t("cancel")}
        </Button>
        <Button
          loading={approve.pending}
          disabled={busy || ownRun}
          aria-describedby={ownRun ? "own-run-hint" : undefined}
          onClick={() => approve.send({ runId })}
          data-testid="approve-run"
        >
          {t("approve")}
        </Button>
      </div>
      {ownRun ? (
        <p id="own-run-hint" className="max-w-sm text-xs text-muted sm:text-end" data-testid="own-run-hint">
          {t("ownRun")}
        </p>
      ) : null}
      <FormAlert message={approve.errors.message} />
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title={t("cancelTitle")}
        description={t("cancelHint")}
        closeLabel={tc("close")}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmCancel(false)}>
              {t("keep")}
            </Button>
            <Button
              variant="danger"
              loading={cancel.pending}
              onClick={() => cancel.send({ runId })}
              data-testid="confirm-cancel-run"
            >
              {t("cancelConfirm")}
            </Button>
          </>
        }
      >
        <FormAlert message={cancel.errors.message} />
      </Dialog>
    </div>
  );
}

/** A run the executor stopped for balance: once funded, ask it to check again. */
export function ResumeButton({ runId }: { runId: string }) {
  const t = useTranslations("payoutsAdmin.run");
  const trpc = useTRPC();
  const resume = useFormMutation(trpc.manage.payouts.resume.mutationOptions(), { done: t("resumed") });
  return (
    <div className="space-y-2">
      <Button size="sm" loading={resume.pending} onClick={() => resume.send({ runId })} data-testid="resume-run">
        {t("resume")}
      </Button>
      <FormAlert message={resume.errors.message} />
    </div>
  );
}
