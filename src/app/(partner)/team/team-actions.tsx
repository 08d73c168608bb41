"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormField, Input, Select, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import type { PartnerRole } from "@/server/domains/actor";

type RoleLabels = Record<PartnerRole, string>;

/** Keeps an email left-to-right inside a translated sentence (toasts take plain text, not <bdi>). */
const isolate = (email: string) => `\u2066${email}\u2069`;
const ROLES: PartnerRole[] = ["member", "owner"];

export function InviteMemberButton({ roleLabels }: { roleLabels: RoleLabels }) {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { submit, errors, field, clear, pending } = useFormMutation(trpc.partner.team.invite.mutationOptions(), {
    done: (_data, variables) => t("inviteSent", { email: isolate(variables.email) }),
    onSuccess: () => setOpen(false),
  });
  function close() {
    setOpen(false);
    clear();
  }
  const onSubmit = submit((data) => {
    const name = String(data.get("name") ?? "").trim();
    return {
      email: String(data.get("email") ?? "").trim(),
      name: name === "" ? undefined : name,
      role: data.get("role") === "owner" ? ("owner" as const) : ("member" as const),
    };
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="invite-member">
        {t("invite")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("inviteTitle")}
        description={t("inviteHint")}
        closeLabel={tc("close")}
      >
        {open ? (
          <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="invite-form">
            <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
            <FormField label={t("email")} htmlFor="invite-email" error={field("email")} required>
              <Input name="email" type="email" dir="ltr" autoComplete="off" required />
            </FormField>
            <FormField label={t("nameOptional")} htmlFor="invite-name" error={field("name")}>
              <Input name="name" autoComplete="off" maxLength={120} />
            </FormField>
            <FormField label={t("role")} htmlFor="invite-role" error={field("role")} hint={t("roleHint")}>
              <Select name="role" defaultValue="member">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </Select>
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" loading={pending} data-testid="send-invite">
                {t("sendInvite")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}

export function MemberRowActions({
  userId,
  name,
  role,
  isSelf,
  roleLabels,
}: {
  userId: string;
  name: string;
  role: PartnerRole;
  isSelf: boolean;
  roleLabels: RoleLabels;
}) {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [confirming, setConfirming] = useState(false);
  const onError = feedback.failed;
  const changeRole = useMutation(
    trpc.partner.team.changeRole.mutationOptions({
      onSuccess: (_data, variables) => {
        feedback.done(t("roleChanged", { name, role: roleLabels[variables.role] }));
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.partner.team.remove.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        feedback.done(t("removed", { name }));
      },
      onError: (error) => {
        setConfirming(false);
        onError(error);
      },
    }),
  );
  return (
    <div className="flex items-center justify-end gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        {t("changeRoleFor", { name })}
      </label>
      <Select
        id={`role-${userId}`}
        value={role}
        disabled={changeRole.isPending}
        onChange={(e) => changeRole.mutate({ userId, role: e.target.value === "owner" ? "owner" : "member" })}
        className="h-8 py-0 text-xs"
        data-testid="member-role"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </Select>
      {isSelf ? null : (
        <>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setConfirming(true)}
            aria-label={t("removeFor", { name })}
            data-testid="remove-member"
          >
            {t("remove")}
          </Button>
          <Dialog
            open={confirming}
            onClose={() => setConfirming(false)}
            title={t("removeTitle", { name })}
            description={t("removeBody")}
            closeLabel={tc("close")}
            size="sm"
            footer={
              <>
                <Button variant="ghost" onClick={() => setConfirming(false)}>
                  {tc("cancel")}
                </Button>
                <Button
                  variant="danger"
                  loading={remove.isPending}
                  onClick={() => remove.mutate({ userId })}
                  data-testid="confirm-remove"
                >
                  {t("removeConfirm")}
                </Button>
              </>
            }
          />
        </>
      )}
    </div>
  );
}

export function InvitationRowActions({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const onError = feedback.failed;
  const resend = useMutation(
    trpc.partner.team.resendInvitation.mutationOptions({
      onSuccess: () => feedback.done(t("resent", { email: isolate(email) })),
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.partner.team.revokeInvitation.mutationOptions({
      onSuccess: () => feedback.done(t("revoked", { email: isolate(email) })),
      onError,
    }),
  );
  const busy = resend.isPending || revoke.isPending;
  return (
    <div className="flex items-center justify-end gap-2">
      <Button
        size="sm"
        variant="secondary"
        loading={resend.isPending}
        disabled={busy}
        onClick={() => resend.mutate({ invitationId })}
        aria-label={t("resendFor", { email: isolate(email) })}
        data-testid="resend-invitation"
      >
        {t("resend")}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        loading={revoke.isPending}
        disabled={busy}
        onClick={() => revoke.mutate({ invitationId })}
        aria-label={t("revokeFor", { email: isolate(email) })}
        data-testid="revoke-invitation"
      >
        {t("revoke")}
      </Button>
    </div>
  );
}
