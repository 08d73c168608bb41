"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Dialog, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import { formMessage } from "@/trpc/form-errors";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

/** Keeps an email left-to-right inside a sentence of either direction (plain-text <bdi dir="ltr">). */
const ltr = (text: string) => `\u2066${text}\u2069`;

export interface ProfileValues {
  name: string;
  website: string;
  country: string;
  contactEmail: string;
  phone: string;
  address: string;
}

const PROFILE_FIELDS = ["name", "website", "country", "contactEmail", "phone", "address"] as const;

export function EditProfileButton({ partnerId, initial }: { partnerId: string; initial: ProfileValues }) {
  const t = useTranslations("directory.profile");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { submit, errors, field, clear, pending } = useFormMutation(
    trpc.manage.partners.updateProfile.mutationOptions(),
    {
      done: t("saved"),
      onSuccess: () => setOpen(false),
    },
  );
  const onSubmit = submit((data) => {
    const value = (name: (typeof PROFILE_FIELDS)[number]) => String(data.get(name) ?? "");
    return {
      partnerId,
      name: value("name"),
      website: value("website"),
      country: value("country"),
      contactEmail: value("contactEmail"),
      phone: value("phone"),
      address: value("address"),
    };
  });
  const control = (name: (typeof PROFILE_FIELDS)[number]) => ({ name, defaultValue: initial[name] });
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="edit-profile">
        {t("edit")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("editTitle", { name: initial.name })}
        closeLabel={tc("close")}
        size="lg"
      >
        {/* Mounted only while open, so it starts from the saved values each time. */}
        {open ? (
          <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <FormAlert message={formMessage(errors, [...PROFILE_FIELDS])} />
            </div>
            <FormField
              label={t("name")}
              htmlFor="profile-name"
              error={field("name")}
              required
              className="sm:col-span-2"
            >
              <Input {...control("name")} required maxLength={120} autoComplete="organization" />
            </FormField>
            <FormField label={t("website")} htmlFor="profile-website" error={field("website")}>
              <Input {...control("website")} type="url" dir="ltr" maxLength={200} autoComplete="url" />
            </FormField>
            <FormField
              label={t("country")}
              htmlFor="profile-country"
              error={field("country")}
              hint={t("countryHint")}
              required
            >
              <Input
                {...control("country")}
                required
                dir="ltr"
                maxLength={2}
                autoComplete="country"
                className="w-24 uppercase"
              />
            </FormField>
            <FormField label={t("contactEmail")} htmlFor="profile-contactEmail" error={field("contactEmail")}>
              <Input {...control("contactEmail")} type="email" dir="ltr" maxLength={320} autoComplete="email" />
            </FormField>
            <FormField label={t("phone")} htmlFor="profile-phone" error={field("phone")}>
              <Input {...control("phone")} type="tel" dir="ltr" maxLength={40} autoComplete="tel" />
            </FormField>
            <FormField
              label={t("address")}
              htmlFor="profile-address"
              error={field("address")}
              className="sm:col-span-2"
            >
              <Textarea {...control("address")} rows={3} maxLength={300} autoComplete="street-address" />
            </FormField>
            <div className="flex justify-end gap-2 sm:col-span-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" loading={pending} data-testid="save-profile">
                {t("save")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}

export function ManagerForm({
  partnerId,
  managerId,
  managers,
}: {
  partnerId: string;
  managerId: string | null;
  managers: { id: string; name: string }[];
}) {
  const t = useTranslations("directory");
  const trpc = useTRPC();
  const [value, setValue] = useState(managerId ?? "");
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.partners.assignManager.mutationOptions(), {
    done: t("manager.saved"),
  });
  return (
    <form onSubmit={submit(() => ({ partnerId, managerId: value || null }))} noValidate className="space-y-3">
      <FormAlert message={formMessage(errors, ["managerId"])} />
      <FormField
        label={t("manager.label")}
        htmlFor="partner-manager"
        hint={t("manager.hint")}
        error={field("managerId")}
      >
        <Select value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">{t("unassigned")}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex justify-end">
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          loading={pending}
          disabled={value === (managerId ?? "")}
          data-testid="save-manager"
        >
          {t("manager.save")}
        </Button>
      </div>
    </form>
  );
}

export function InvitationActions({
  partnerId,
  invitationId,
  email,
}: {
  partnerId: string;
  invitationId: string;
  email: string;
}) {
  const t = useTranslations("directory.invitations");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const onError = feedback.failed;
  const resend = useMutation(
    trpc.manage.partners.resendInvitation.mutationOptions({
      onSuccess: () => feedback.done(t("resent", { email: ltr(email) })),
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.manage.partners.revokeInvitation.mutationOptions({
      onSuccess: () => feedback.done(t("revoked", { email: ltr(email) })),
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
        aria-label={t("resendFor", { email: ltr(email) })}
        onClick={() => resend.mutate({ partnerId, invitationId })}
        data-testid="resend-invitation"
      >
        {t("resend")}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        loading={revoke.isPending}
        disabled={busy}
        aria-label={t("revokeFor", { email: ltr(email) })}
        onClick={() => revoke.mutate({ partnerId, invitationId })}
        data-testid="revoke-invitation"
      >
        {t("revoke")}
      </Button>
    </div>
  );
}

export function StatusAction({
  partnerId,
  name,
  status,
}: {
  partnerId: string;
  name: string;
  status: "active" | "suspended";
}) {
  const t = useTranslations("directory.status");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const suspending = status === "active";
  const { submit, errors, field, clear, pending } = useFormMutation(trpc.manage.partners.setStatus.mutationOptions(), {
    done: suspending ? t("suspended", { name }) : t("reactivated", { name }),
    onSuccess: () => setOpen(false),
  });
  const onSubmit = submit(
    (data) =>
      ({ partnerId, status: suspending ? "suspended" : "active", reason: String(data.get("reason") ?? "") }) as const,
  );
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button
        variant={suspending ? "danger" : "primary"}
        onClick={() => setOpen(true)}
        data-testid={suspending ? "suspend-partner" : "reactivate-partner"}
      >
        {suspending ? t("suspend") : t("reactivate")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={suspending ? t("suspendTitle", { name }) : t("reactivateTitle", { name })}
        description={suspending ? t("suspendHint") : t("reactivateHint")}
        closeLabel={tc("close")}
      >
        {open ? (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <FormAlert message={formMessage(errors, ["reason"])} />
            <FormField
              label={t("reason")}
              htmlFor="status-reason"
              hint={t("reasonHint")}
              error={field("reason")}
              required
            >
              <Textarea name="reason" rows={4} required maxLength={1000} />
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button
                type="submit"
                variant={suspending ? "danger" : "primary"}
                loading={pending}
                data-testid="confirm-status"
              >
                {suspending ? t("confirmSuspend") : t("confirmReactivate")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}

export function AddNoteForm({ partnerId }: { partnerId: string }) {
  const t = useTranslations("directory.notes");
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.partners.addNote.mutationOptions(), {
    done: t("added"),
    onSuccess: () => setBody(""),
  });
  return (
    <form onSubmit={submit(() => ({ partnerId, body }))} noValidate className="space-y-3">
      <FormAlert message={formMessage(errors, ["body"])} />
      <FormField label={t("label")} htmlFor="note-body" error={field("body")}>
        <Textarea name="body" rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={pending} data-testid="add-note">
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
