"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, CheckboxField, Dialog, FormField, Input, Plus, FormAlert, Textarea } from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

interface ProductValues {
  id: string;
  name: string;
  description: string;
  nameAr: string;
  descriptionAr: string;
  active: boolean;
}

function ProductFields({
  idPrefix,
  defaults,
  field,
}: {
  idPrefix: string;
  defaults?: { name: string; description: string; nameAr: string; descriptionAr: string };
  field: (name: string) => string | undefined;
}) {
  const t = useTranslations("catalogAdmin.products");
  return (
    <>
      <FormField label={t("name")} htmlFor={`${idPrefix}-name`} error={field("name")} required>
        <Input
          name="name"
          required
          minLength={2}
          maxLength={80}
          autoComplete="off"
          dir="auto"
          defaultValue={defaults?.name}
        />
      </FormField>
      <FormField
        label={t("description")}
        htmlFor={`${idPrefix}-description`}
        hint={t("descriptionHint")}
        error={field("description")}
      >
        <Textarea name="description" rows={3} maxLength={500} defaultValue={defaults?.description} />
      </FormField>
      {/* The Arabic texts sit beside the English; without them Arabic readers see the English, marked. */}
      <fieldset className="space-y-4 rounded-md border border-border p-3">
        <legend className="px-1 text-sm font-medium text-neutral-900">{t("arabicLegend")}</legend>
        <FormField label={t("nameAr")} htmlFor={`${idPrefix}-name-ar`} hint={t("nameArHint")} error={field("nameAr")}>
          <Input name="nameAr" maxLength={80} autoComplete="off" dir="rtl" lang="ar" defaultValue={defaults?.nameAr} />
        </FormField>
        <FormField label={t("descriptionAr")} htmlFor={`${idPrefix}-description-ar`} error={field("descriptionAr")}>
          <Textarea
            name="descriptionAr"
            rows={3}
            maxLength={500}
            dir="rtl"
            lang="ar"
            defaultValue={defaults?.descriptionAr}
          />
        </FormField>
      </fieldset>
    </>
  );
}

export function NewProductForm() {
  const t = useTranslations("catalogAdmin.products");
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.catalog.createProduct.mutationOptions(), {
    done: (product) => t("created", { name: product.name }),
    onSuccess: () => setFormKey((k) => k + 1), // a fresh, empty form for the next product
  });
  const onSubmit = submit((data) => ({
    name: String(data.get("name") ?? ""),
    description: String(data.get("description") ?? ""),
    nameAr: String(data.get("nameAr") ?? ""),
    descriptionAr: String(data.get("descriptionAr") ?? ""),
  }));
  const message = formMessage(errors, ["name", "description", "nameAr", "descriptionAr"]);
  return (
    <FormCard
      titleId="new-product-title"
      title={t("newTitle")}
      description={t("newHint")}
      onSubmit={onSubmit}
      formKey={formKey}
      message={message}
      footer={
        <Button type="submit" loading={pending} data-testid="create-product">
          <Plus className="size-4" />
          {t("create")}
        </Button>
      }
    >
      <ProductFields idPrefix="product" field={field} />
    </FormCard>
  );
}

/** `label` is the name as the reader sees it (their language), for the button's accessible name. */
export function EditProductButton({ product, label }: { product: ProductValues; label: string }) {
  const t = useTranslations("catalogAdmin.products");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={t("editFor", { name: label })}
        data-testid="edit-product"
      >
        {t("edit")}
      </Button>
      {/* Mounted only while open, so the ids inside stay unique on a page with many rows. */}
      {open ? (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title={t("editTitle")}
          description={t("editHint")}
          closeLabel={tc("close")}
        >
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
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.catalog.updateProduct.mutationOptions(), {
    done: (saved) => t("saved", { name: saved.name }),
    onSuccess: onDone,
  });
  const onSubmit = submit((data) => ({
    productId: product.id,
    name: String(data.get("name") ?? ""),
    description: String(data.get("description") ?? ""),
    nameAr: String(data.get("nameAr") ?? ""),
    descriptionAr: String(data.get("descriptionAr") ?? ""),
    active: data.get("active") === "on",
  }));
  const message = formMessage(errors, ["name", "description", "nameAr", "descriptionAr", "active"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={message} />
      <ProductFields idPrefix="edit-product" defaults={product} field={field} />
      <CheckboxField
        id="edit-product-active"
        name="active"
        label={t("activeLabel")}
        labelClassName="font-medium"
        hint={t("activeHint")}
        defaultChecked={product.active}
        error={field("active")}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone}>
          {tc("cancel")}
        </Button>
        <Button type="submit" loading={pending} data-testid="save-product">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
