import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { payoutAccounts, payoutTaxForms } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { assertFinance, assertOwner } from "./access";
import { payoutAccountView } from "./settings";

/** The signed tax form: a PDF or a scan of it, at most 5 MB (the database holds the same limits). */
export const TAX_FORM_MAX_BYTES = 5 * 1024 * 1024;
export const TAX_FORM_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type TaxFormContentType = (typeof TAX_FORM_CONTENT_TYPES)[number];

const EXTENSION: Record<TaxFormContentType, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
};

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** What the bytes really are, by their signature; the name and the browser's declared type count for nothing. */
export function sniffTaxFormType(bytes: Uint8Array): TaxFormContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // "%PDF-"
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

export type TaxFormCheck =
  | { ok: true; contentType: TaxFormContentType }
  | {
      ok: false;
      code: "payoutAccount.taxFormEmpty" | "payoutAccount.taxFormTooLarge" | "payoutAccount.taxFormWrongType";
    };

export function checkTaxForm(bytes: Uint8Array): TaxFormCheck {
  if (bytes.length === 0) return { ok: false, code: "payoutAccount.taxFormEmpty" };
  if (bytes.length > TAX_FORM_MAX_BYTES) return { ok: false, code: "payoutAccount.taxFormTooLarge" };
  const contentType = sniffTaxFormType(bytes);
  if (!contentType) return { ok: false, code: "payoutAccount.taxFormWrongType" };
  return { ok: true, contentType };
}

/** C0 controls, DEL and C1 controls: a kept name ends up in a header and the audit log. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The name to keep: the last path segment, without control characters, at most 120 characters,
 * ending in the extension of what the file really is ("scan.png" that is a PDF is kept as "scan.pdf").
 */
export function cleanFileName(name: string, contentType: TaxFormContentType): string {
  const base = (name.split(/[\\/]/).at(-1) ?? "")
    .normalize("NFC")
    .replace(CONTROL, "")
    .replace(/\.(pdf|png|jpe?g)$/i, "")
    .trim()
    .slice(0, 120)
    .trim();
  return `${base || "tax-form"}.${EXTENSION[contentType]}`;
}

/**
 * The upload as it travels (a tRPC mutation, like the logo): the file's bytes in base64. Under
 * 7 MB of text for the 5 MB limit, which stays below the 10 MB the proxy buffers of a request body.
 */
export const uploadTaxFormInput = z.object({
  /** Control characters are refused for every input by the router; cleanFileName drops them again. */
  fileName: z.string().max(255),
  dataBase64: z
    .string()
    .max(Math.ceil((TAX_FORM_MAX_BYTES * 4) / 3) + 8, { message: "payoutAccount.taxFormTooLarge" })
    .base64({ message: "payoutAccount.taxFormWrongType" }),
});

export function taxFormFromInput(input: z.infer<typeof uploadTaxFormInput>): { bytes: Uint8Array; name: string } {
  return { bytes: new Uint8Array(Buffer.from(input.dataBase64, "base64")), name: input.fileName };
}

/** What the audit log keeps of a stored form: never its bytes. */
const formMeta = {
  storageKey: payoutTaxForms.storageKey,
  fileName: payoutTaxForms.fileName,
  contentType: payoutTaxForms.contentType,
  size: sql<number>`octet_length(${payoutTaxForms.bytes})`.mapWith(Number),
};

/**
 * The owner uploads the signed form of the tax details on file, replacing any earlier one: the
 * form is stored, the account points at it by a new storage key (so hasSignedForm follows), and
 * the change is audited, all in one transaction. Tax details come first, since the form is theirs.
 */
export async function uploadTaxForm(ctx: ServiceCtx<PartnerActor>, file: { bytes: Uint8Array; name: string }) {
  const { actor, clock } = ctx;
  assertOwner(actor);
  const checked = checkTaxForm(file.bytes);
  if (!checked.ok) throw new InvalidError(checked.code, "taxForm");
  const fileName = cleanFileName(file.name, checked.contentType);
  return withTransaction(ctx, async (tx) => {
    // The account row is locked first, as the other payout-settings writes do, so uploads queue.
    const [account] = await tx
      .select()
      .from(payoutAccounts)
      .where(eq(payoutAccounts.partnerId, actor.partnerId))
      .for("update");
    if (!account?.taxFormType) throw new ConflictError("payoutAccount.taxDetailsFirst", "taxForm");
    const [before] = await tx
      .select(formMeta)
      .from(payoutTaxForms)
      .where(eq(payoutTaxForms.partnerId, actor.partnerId));
    const stored = {
      storageKey: `tax-form/${actor.partnerId}/${randomUUID()}`,
      fileName,
      contentType: checked.contentType,
      bytes: file.bytes,
      uploadedBy: actor.userId,
      uploadedAt: clock.now(),
    };
    await tx
      .insert(payoutTaxForms)
      .values({ partnerId: actor.partnerId, ...stored })
      .onConflictDoUpdate({ target: payoutTaxForms.partnerId, set: stored });
    const [row] = await tx
      .update(payoutAccounts)
      .set({ taxFormFile: stored.storageKey, taxUpdatedAt: clock.now(), updatedAt: clock.now() })
      .where(eq(payoutAccounts.partnerId, actor.partnerId))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "payoutAccount.taxFormUploaded",
        entityType: "partner",
        entityId: actor.partnerId,
        before: before ?? null,
        after: { storageKey: stored.storageKey, fileName, contentType: checked.contentType, size: file.bytes.length },
      },
      clock.now(),
    );
    return payoutAccountView(row);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function storedForm(db: Db, partnerId: string) {
  // Only the file the account names: one the details were re-saved without is no longer on file.
  const [row] = await db
    .select({
      fileName: payoutTaxForms.fileName,
      contentType: payoutTaxForms.contentType,
      bytes: payoutTaxForms.bytes,
      uploadedAt: payoutTaxForms.uploadedAt,
    })
    .from(payoutTaxForms)
    .innerJoin(
      payoutAccounts,
      and(
        eq(payoutAccounts.partnerId, payoutTaxForms.partnerId),
        eq(payoutAccounts.taxFormFile, payoutTaxForms.storageKey),
      ),
    )
    .where(eq(payoutTaxForms.partnerId, partnerId));
  return row;
}

/**
 * The signed form on file. A partner user (owner or member) reads their own organization's, which
 * comes from the session: a `partnerId` they pass is ignored. Finance and admins read any
 * partner's, and each such read is audited, as the bank file is (the form carries the whole tax id).
 */
export async function readTaxForm(ctx: ServiceCtx<PartnerActor | StaffActor>, partnerId?: string) {
  const { actor, clock } = ctx;
  if (actor.kind === "partner") {
    const form = await storedForm(ctx.db, actor.partnerId);
    if (!form) throw new NotFoundError("payoutAccount.taxFormMissing");
    return form;
  }
  assertFinance(actor);
  if (!partnerId) throw new InvalidError("validation.required", "partnerId");
  // A malformed id is answered like a missing form (and never reaches a uuid cast).
  if (!UUID.test(partnerId)) throw new NotFoundError("payoutAccount.taxFormMissing");
  return withTransaction(ctx, async (tx) => {
    const form = await storedForm(tx, partnerId);
    if (!form) throw new NotFoundError("payoutAccount.taxFormMissing");
    await audit(
      tx,
      actor,
      {
        action: "payoutAccount.taxFormDownloaded",
        entityType: "partner",
        entityId: partnerId,
        after: { fileName: form.fileName, contentType: form.contentType, size: form.bytes.length },
      },
      clock.now(),
    );
    return form;
  });
}
