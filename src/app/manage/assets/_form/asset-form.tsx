"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  Button,
  Card,
  CardBody,
  ChoiceFieldset,
  FileInput,
  FormAlert,
  FormField,
  Input,
  Select,
  Textarea,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { formErrorsOf, type FormErrors } from "@/trpc/form-errors";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import { useMutation } from "@tanstack/react-query";

export interface TierChoice {
  id: string;
  label: string;
}

export interface AssetFormValues {
  assetId: string;
  kind: "file" | "link" | "cobrand";
  title: string;
  description: string;
  category: string;
  tags: string[];
  language: "en" | "ar" | null;
  minTierId: string | null;
  /** yyyy-mm-dd, or "" for none. */
  expiresOn: string;
  linkUrl: string | null;
}

export interface AssetFormLimits {
  title: number;
  description: number;
  linkUrl: number;
  maxMb: number;
}

const NO_ERRORS: FormErrors = { fields: {}, message: null };

/** What the upload route answers. */
interface UploadAnswer {
  assetId?: string;
  version?: number;
  message?: string;
  fields?: Record<string, string>;
}

/**
 * Sends a file with its form through the multipart upload route (not tRPC: see the route) and
 * returns its answer; a refusal comes back translated, per field, like a tRPC one.
 */
export async function postUpload(
  data: FormData,
): Promise<{ ok: true; answer: UploadAnswer } | { ok: false; errors: FormErrors }> {
  const response = await fetch("/api/assets/upload", { method: "POST", body: data, credentials: "same-origin" });
  const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
  if (response.ok) return { ok: true, answer };
  return { ok: false, errors: { fields: answer.fields ?? {}, message: answer.message ?? response.statusText } };
}

/**
 * A new asset (a file or a link), or the details of an existing one. Files go through the upload
 * route as multipart form data; links and edits through tRPC.
 */
export function AssetForm({
  categories,
  tiers,
  limits,
  initial,
}: {
  categories: readonly string[];
  tiers: TierChoice[];
  limits: AssetFormLimits;
  initial: AssetFormValues | null;
}) {
  const t = useTranslations("assetsAdmin");
  const ta = useTranslations("assets");
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useMutationFeedback();
  const [kind, setKind] = useState<"file" | "link">(initial?.kind === "link" ? "link" : "file");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);
  const createLink = useMutation(trpc.manage.assets.createLink.mutationOptions());
  const update = useMutation(trpc.manage.assets.update.mutationOptions());
  const editing = initial !== null;
  const field = (name: string) => errors.fields[name];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setErrors(NO_ERRORS);
    const text = (name: string) => String(data.get(name) ?? "");
    const fields = {
      title: text("title"),
      description: text("description"),
      category: text("category") as never,
      tags: text("tags"),
      language: text("language") as "en" | "ar" | "any",
      minTierId: text("minTierId") || null,
      expiresAt: text("expiresAt") || null,
    };
    setPending(true);
    try {
      if (initial) {
        await update.mutateAsync({
          assetId: initial.assetId,
          ...fields,
          ...(initial.kind === "link" ? { linkUrl: text("linkUrl") } : {}),
        });
        feedback.done(t("form.saved"));
      } else if (kind === "link") {
        const { assetId } = await createLink.mutateAsync({ ...fields, linkUrl: text("linkUrl") });
        feedback.done(t("form.created"), { refresh: false });
        router.push(`/manage/assets/${assetId}`);
      } else {
        const file = data.get("file");
        if (!(file instanceof File) || file.size === 0) {
          setErrors({ fields: { file: t("form.chooseFile") }, message: null });
          return;
        }
        const result = await postUpload(data);
        if (!result.ok) {
          setErrors(result.errors);
          return;
        }
        feedback.done(t("form.created"), { refresh: false });
        router.push(`/manage/assets/${result.answer.assetId}`);
      }
    } catch (error) {
      setErrors(formErrorsOf(error));
    } finally {
      setPending(false);
    }
  }

  const shown = ["title", "description", "category", "tags", "language", "minTierId", "expiresAt", "file", "linkUrl"];
  const formMessage = errors.message && !shown.some((name) => errors.fields[name]) ? errors.message : null;

  return (
    <Card>
      <CardBody>
        <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4" noValidate data-testid="asset-form">
          {!editing ? (
            <ChoiceFieldset id="asset-kind" legend={t("form.kind")}>
              {(["file", "link"] as const).map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                    data-testid={`asset-kind-${k}`}
                  />
                  {k === "file" ? t("form.kindFile") : t("form.kindLink")}
                </label>
              ))}
            </ChoiceFieldset>
          ) : null}
          {!editing && kind === "file" ? (
            <FormField
              label={t("form.file")}
              htmlFor="asset-file"
              hint={t("form.fileHint", { maxMb: limits.maxMb })}
              error={field("file")}
              errorTestId="asset-file-error"
              required
            >
              <FileInput name="file" accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.zip" required />
            </FormField>
          ) : null}
          {(!editing && kind === "link") || initial?.kind === "link" ? (
            <FormField
              label={t("form.linkUrl")}
              htmlFor="asset-link"
              hint={t("form.linkHint")}
              error={field("linkUrl")}
              required
            >
              <Input
                name="linkUrl"
                type="url"
                dir="ltr"
                defaultValue={initial?.linkUrl ?? ""}
                maxLength={limits.linkUrl}
                placeholder="https://"
                required
              />
            </FormField>
          ) : null}
          <FormField label={t("form.title")} htmlFor="asset-title" error={field("title")} required>
            <Input name="title" defaultValue={initial?.title ?? ""} maxLength={limits.title} dir="auto" required />
          </FormField>
          <FormField label={t("form.description")} htmlFor="asset-description" error={field("description")}>
            <Textarea
              name="description"
              defaultValue={initial?.description ?? ""}
              maxLength={limits.description}
              rows={3}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("form.category")} htmlFor="asset-category" error={field("category")} required>
              <Select name="category" defaultValue={initial?.category ?? "sales_deck"}>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {ta(`categories.${c}` as never)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("form.language")} htmlFor="asset-language" error={field("language")}>
              <Select name="language" defaultValue={initial ? (initial.language ?? "any") : "en"}>
                {(["en", "ar", "any"] as const).map((l) => (
                  <option key={l} value={l}>
                    {ta(`languages.${l}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("form.minTier")} htmlFor="asset-tier" error={field("minTierId")}>
              <Select name="minTierId" defaultValue={initial?.minTierId ?? ""} data-testid="asset-tier">
                <option value="">{t("everyone")}</option>
                {tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              label={t("form.expiresAt")}
              htmlFor="asset-expires"
              hint={t("form.expiresHint")}
              error={field("expiresAt")}
            >
              <Input name="expiresAt" type="date" defaultValue={initial?.expiresOn ?? ""} />
            </FormField>
          </div>
          <FormField label={t("form.tags")} htmlFor="asset-tags" hint={t("form.tagsHint")} error={field("tags")}>
            <Input name="tags" defaultValue={initial?.tags.join(", ") ?? ""} maxLength={900} dir="auto" />
          </FormField>
          <FormAlert message={formMessage} />
          <div>
            <Button type="submit" disabled={pending} data-testid="asset-submit">
              {pending && !editing && kind === "file"
                ? t("form.uploading")
                : editing
                  ? t("form.save")
                  : t("form.create")}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
