"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormAlert, FormField, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

type Kind = "request" | "claim";

type FormMutation = ReturnType<typeof useFormMutation<unknown, unknown, never, unknown>>;

interface DecisionProps {
  id: string;
  currency: string;
  /** The amount prefilled, as a decimal ("2500.00"). */
  suggested: string;
  /** What the dialog says the amount may be at most (formatted). */
  limitText: string;
}

/** Approve or reject a request: the amount is capped by the server at what is left of the quarter. */
export function RequestDecision(props: DecisionProps) {
  const t = useTranslations("mdfAdmin.decision.request");
  const trpc = useTRPC();
  const [open, setOpen] = useState<"approve" | "reject" | null>(null);
  const approve = useFormMutation(trpc.manage.mdf.approveRequest.mutationOptions(), {
    done: t("approved"),
    onSuccess: () => setOpen(null),
  });
  const reject = useFormMutation(trpc.manage.mdf.rejectRequest.mutationOptions(), {
    done: t("rejected"),
    onSuccess: () => setOpen(null),
  });
  return (
    <DecisionView
      kind="request"
      labels={{
        approve: t("approve"),
        reject: t("reject"),
        approveTitle: t("approveTitle"),
        approveHint: t("approveHint", { limit: props.limitText }),
        rejectTitle: t("rejectTitle"),
        rejectHint: t("rejectHint"),
      }}
      {...props}
      open={open}
      setOpen={setOpen}
      approve={approve as unknown as FormMutation}
      reject={reject as unknown as FormMutation}
      approveInput={(amount, note) => ({ requestId: props.id, amount, note }) as never}
      rejectInput={(reason) => ({ requestId: props.id, reason }) as never}
    />
  );
}

/** Approve (posting the payable entry) or reject a claim. */
export function ClaimDecision(props: DecisionProps) {
  const t = useTranslations("mdfAdmin.decision.claim");
  const trpc = useTRPC();
  const [open, setOpen] = useState<"approve" | "reject" | null>(null);
  const approve = useFormMutation(trpc.manage.mdf.approveClaim.mutationOptions(), {
    done: t("approved"),
    onSuccess: () => setOpen(null),
  });
  const reject = useFormMutation(trpc.manage.mdf.rejectClaim.mutationOptions(), {
    done: t("rejected"),
    onSuccess: () => setOpen(null),
  });
  return (
    <DecisionView
      kind="claim"
      labels={{
        approve: t("approve"),
        reject: t("reject"),
        approveTitle: t("approveTitle"),
        approveHint: t("approveHint", { limit: props.limitText }),
        rejectTitle: t("rejectTitle"),
        rejectHint: t("rejectHint"),
      }}
      {...props}
      open={open}
      setOpen={setOpen}
      approve={approve as unknown as FormMutation}
      reject={reject as unknown as FormMutation}
      approveInput={(amount, note) => ({ claimId: props.id, amount, note }) as never}
      rejectInput={(reason) => ({ claimId: props.id, reason }) as never}
    />
  );
}

/**
 * A manager's two answers: approve an amount (prefilled with what was asked) or reject with the
 * reason the partner reads, each in its dialog.
 */
function DecisionView({
  kind,
  labels,
  currency,
  suggested,
  open,
  setOpen,
  approve,
  reject,
  approveInput,
  rejectInput,
}: DecisionProps & {
  kind: Kind;
  labels: Record<"approve" | "reject" | "approveTitle" | "approveHint" | "rejectTitle" | "rejectHint", string>;
  open: "approve" | "reject" | null;
  setOpen: (open: "approve" | "reject" | null) => void;
  approve: FormMutation;
  reject: FormMutation;
  approveInput: (amount: string, note: string) => never;
  rejectInput: (reason: string) => never;
}) {
  const td = useTranslations("mdfAdmin.decision");
  const tc = useTranslations("common");
  const onApprove = approve.submit((data) => {
    const amount = String(data.get("amount") ?? "").trim();
    if (!amount) {
      approve.setField("amount", td("amountRequired"));
      return null;
    }
    return approveInput(amount, String(data.get("note") ?? "").trim());
  });
  const onReject = reject.submit((data) => rejectInput(String(data.get("reason") ?? "").trim()));
  const prefix = `${kind}-decision`;
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        onClick={() => {
          approve.clear();
          setOpen("approve");
        }}
        data-testid={`approve-${kind}`}
      >
        {labels.approve}
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          reject.clear();
          setOpen("reject");
        }}
        data-testid={`reject-${kind}`}
      >
        {labels.reject}
      </Button>
      <Dialog
        open={open === "approve"}
        onClose={() => setOpen(null)}
        title={labels.approveTitle}
        description={labels.approveHint}
        closeLabel={tc("close")}
      >
        <form onSubmit={onApprove} noValidate className="space-y-4">
          <FormAlert message={formMessage(approve.errors, ["amount", "note"])} />
          <MoneyField
            id={`${prefix}-amount`}
            name="amount"
            label={td("amount", { currency })}
            error={approve.field("amount")}
            defaultValue={suggested}
            required
          />
          <FormField label={td("note")} htmlFor={`${prefix}-note`} error={approve.field("note")}>
            <Textarea name="note" rows={3} maxLength={2000} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(null)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" loading={approve.pending} data-testid={`confirm-approve-${kind}`}>
              {labels.approve}
            </Button>
          </div>
        </form>
      </Dialog>
      <Dialog
        open={open === "reject"}
        onClose={() => setOpen(null)}
        title={labels.rejectTitle}
        description={labels.rejectHint}
        closeLabel={tc("close")}
      >
        <form onSubmit={onReject} noValidate className="space-y-4">
          <FormAlert message={formMessage(reject.errors, ["reason"])} />
          <FormField
            label={td("reason")}
            htmlFor={`${prefix}-reason`}
            hint={td("reasonHint")}
            error={reject.field("reason")}
            required
          >
            <Textarea name="reason" rows={4} minLength={5} maxLength={2000} required />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(null)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={reject.pending} data-testid={`confirm-reject-${kind}`}>
              {labels.reject}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
