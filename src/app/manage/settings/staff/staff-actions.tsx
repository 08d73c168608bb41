"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormField, Input, Select, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import type { StaffRole } from "@/server/domains/actor";

type RoleLabels = Record<StaffRole, string>;
const ROLES: StaffRole[] = ["admin", "partner_manager", "finance"];

export function InviteStaffButton({ roleLabels }: { roleLabels: RoleLabels }) {
  const t = useTranslations("staffAdmin");
  const tc = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.staff.invite.mutationOptions(), {
    done: t("inviteSent"),
    onSuccess: () => setOpen(false),
  });
  const onSubmit = submit((data) => ({
    name: String(data.get("name") ?? ""),
    email: String(data.get("email") ?? ""),
    role: String(data.get("role")) as StaffRole,
    locale: data.get("locale") === "ar" ? ("ar" as const) : ("en" as const),
  }));
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("invite")}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("inviteTitle")}
        description={t("inviteHint")}
        closeLabel={tc("close")}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
          <FormField label={t("name")} htmlFor="invite-name" error={field("name")}>
            <Input name="name" autoComplete="off" />
          </FormField>
          <FormField label={t("email")} htmlFor="invite-email" error={field("email")}>
            <Input name="email" type="email" dir="ltr" autoComplete="off" />
          </FormField>
          <FormField label={t("role")} htmlFor="invite-role" error={field("role")}>
            <Select name="role" defaultValue="partner_manager">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("language")} htmlFor="invite-locale">
            <Select name="locale" defaultValue={locale}>
              <option value="en">{tc("languages.en")}</option>
              <option value="ar">{tc("languages.ar")}</option>
            </Select>
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("sendInvite")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function StaffRowActions({
  userId,
  name,
  role,
  active,
  roleLabels,
}: {
  userId: string;
  name: string;
  role: StaffRole;
  active: boolean;
  roleLabels: RoleLabels;
}) {
  const t = useTranslations("staffAdmin");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const onError = feedback.failed;
  const changeRole = useMutation(
    trpc.manage.staff.changeRole.mutationOptions({
      onSuccess: () => feedback.done(t("roleChanged", { name })),
      onError,
    }),
  );
  const setActive = useMutation(
    trpc.manage.staff.setActive.mutationOptions({
      onSuccess: (_data, variables) => {
        feedback.done(variables.active ? t("reactivated", { name }) : t("deactivatedToast", { name }));
      },
      onError,
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
        onChange={(e) => changeRole.mutate({ userId, role: e.target.value as StaffRole })}
        className="h-8 py-0 text-xs"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </Select>
      <Button
        size="sm"
        variant={active ? "ghost" : "secondary"}
        loading={setActive.isPending}
        onClick={() => setActive.mutate({ userId, active: !active })}
      >
        {active ? t("deactivate") : t("reactivate")}
      </Button>
    </div>
  );
}
