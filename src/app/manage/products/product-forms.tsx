"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Dialog, fieldDescribedBy, FormField, Input, Plus, FormAlert, Textarea } from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

interface ProductValues {
  id: string;
  name: string;
  description: string;
  active: boolean;
}

function ProductFields({ idPrefix, defaults, field }: { idPrefix: string; defaults?: { name: string; description: string }; field: (name: string) => string | undefined }) {
  const t = useTranslations("catalogAdmin.products");
  const nameId = `${idPrefix}-name`;
  const descriptionId = `${idPrefix}-description`;
  return (
    <>
      <FormField label={t("name")} htmlFor={nameId} error={field("name")} required>
        <Input
          id={nameId}
          name="name"
          required
          minLength={2}
          maxLength={80}
          autoComplete="off"
          dir="auto"
          defaultValue={defaults?.name}
          aria-invalid={field("name") ? true : undefined}
          aria-describedby={fieldDescribedBy(nameId, { error: field("name") })}
        />
      </FormField>
      <FormField label={t("description")} htmlFor={descriptionId} hint={t("descriptionHint")} error={field("description")}>
        <Textarea
          id={descriptionId}
          name="description"
          rows={3}
          maxLength={500}
          defaultValue={defaults?.description}
          aria-invalid={field("description") ? true : undefined}
          aria-describedby={fieldDescribedBy(descriptionId, { hint: t("descriptionHint"), error: field("description") })}
        />
      </FormField>
    </>
  );
}

export function NewProductForm() {
  const t = useTranslations("catalogAdmin.products");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.catalog.createProduct.mutationOptions({
      onSuccess: (product) => {
        clear();
        setFormKey((k) => k + 1); // a fresh, empty form for the next product
        feedback.done(t("created", { name: product.name }));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    create.mutate({ name: String(data.get("name") ?? ""), description: String(data.get("description") ?? "") });
  }
  const message = formMessage(errors, ["name", "description"]);
  return (
    <FormCard
      titleId="new-product-title"
      title={t("newTitle")}
      description={t("newHint")}
      onSubmit={submit}
      formKey={formKey}
      message={message}
      footer={
        <Button type="submit" loading={create.isPending} data-testid="create-product">
          <Plus className="size-4" />
          {t("create")}
        </Button>
      }
    >
      <ProductFields idPrefix="product" field={field} />
    </FormCard>
  );
}

export function EditProductButton({ product }: { product: ProductValues }) {
  const t = useTranslations("catalogAdmin.products");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={t("editFor", { name: product.name })} data-testid="edit-product">
        {t("edit")}
      </Button>
      {/* Mounted only while open, so the ids inside stay unique on a page with many rows. */}
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title={t("editTitle")} description={t("editHint")} closeLabel={tc("close")}>
          <EditProductForm product={product} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

function EditProductForm({ product, onDone }: { product: ProductValues; onDone: () => void }) {
  const t = useTranslations("catalogAdmin.products");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const update = useMutation(
    trpc.catalog.updateProduct.mutationOptions({
      onSuccess: (saved) => {
        clear();
        onDone();
        feedback.done(t("saved", { name: saved.name }));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    update.mutate({
      productId: product.id,
      name: String(data.get("name") ?? ""),
      description: String(data.get("description") ?? ""),
      active: data.get("active") === "on",
    });
  }
  const message = formMessage(errors, ["name", "description", "active"]);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={message} />
      <ProductFields idPrefix="edit-product" defaults={product} field={field} />
      <div className="flex flex-col gap-1.5">
        <div className="flex items-start gap-2">
          <input
            id="edit-product-active"
            name="active"
            type="checkbox"
            defaultChecked={product.active}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
            aria-describedby="edit-product-active-hint"
          />
          <label htmlFor="edit-product-active" className="text-sm font-medium text-neutral-900">
            {t("activeLabel")}
          </label>
        </div>
        <p id="edit-product-active-hint" className="ps-6 text-xs text-muted">
          {t("activeHint")}
        </p>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone}>
          {tc("cancel")}
        </Button>
        <Button type="submit" loading={update.isPending} data-testid="save-product">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
