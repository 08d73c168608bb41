import { ZodError } from "zod";
import { findControlCharacters } from "@/lib/control-characters";
import type { StaffActor } from "@/server/domains/actor";
import { DomainError, InvalidError } from "@/server/domains/errors";
import { createFileAsset, replaceAssetFile } from "@/server/domains/enablement/assets-admin";
import { ASSET_FILE_MAX_BYTES } from "@/server/domains/enablement/assets-input";
import { createContext } from "@/server/trpc/context";
import { errorMessage, explainRefusal } from "@/server/trpc/errors";

/**
 * Staff upload a library file here as multipart form data, not as base64 inside a tRPC call (the
 * house way for 5 MB lesson images): a 50 MB file would travel as ~67 MB of JSON text, be held as
 * a string, then decoded again; multipart carries the bytes as they are and the browser streams
 * them from disk. The session is read exactly as tRPC reads it (createContext); only admins and
 * partner managers may upload. The session cookie is SameSite=Lax, so another site cannot post
 * here with it, and a browser's Sec-Fetch-Site saying cross-site is refused as well.
 *
 * The form: `file` and either the new asset's fields (title, description, category, tags,
 * language, minTierId, expiresAt) or `assetId` (and `note`) for a new version. The answer is JSON:
 * 201 `{ assetId, version? }`, or 4xx `{ message, fields }` translated for the caller, with the
 * field each refusal concerns, as a form shows it. Nothing is stored when anything is refused.
 */

const ROLES: readonly StaffActor["staffRole"][] = ["admin", "partner_manager"];
const TEXT_FIELDS = [
  "title",
  "description",
  "category",
  "tags",
  "language",
  "minTierId",
  "expiresAt",
  "assetId",
  "note",
];
/** Room for the form's other fields and the multipart boundaries around the largest file allowed. */
const BODY_LIMIT = ASSET_FILE_MAX_BYTES + 256 * 1024;

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const ctx = await createContext({ headers: request.headers });
  const { actor, locale } = ctx;
  if (!actor) return json(401, { message: errorMessage("unauthorized", locale), fields: {} });
  if (
    actor.kind !== "staff" ||
    !ROLES.includes(actor.staffRole) ||
    request.headers.get("sec-fetch-site") === "cross-site"
  )
    return json(403, { message: errorMessage("forbidden", locale), fields: {} });
  const maxMb = Math.floor(ASSET_FILE_MAX_BYTES / (1024 * 1024));
  // Refused before a byte of an oversized body is read.
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT) {
    const message = errorMessage("assets.uploadTooLarge", locale, { maxMb });
    return json(413, { message, fields: { file: message } });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    const message = errorMessage("storage.unreadable", locale);
    return json(400, { message, fields: { file: message } });
  }
  const service = { db: ctx.db, actor, clock: ctx.clock };
  try {
    const fields: Record<string, string> = {};
    for (const name of TEXT_FIELDS) {
      const value = form.get(name);
      if (typeof value === "string") fields[name] = value;
    }
    const control = findControlCharacters(fields);
    if (control) throw new InvalidError("validation.controlCharacters", String(control[0]));
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new InvalidError("assets.fileMissing", "file");
    if (file.size > ASSET_FILE_MAX_BYTES) throw new InvalidError("storage.tooLarge", "file", { maxMb });
    const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    if (fields.assetId) {
      const done = await replaceAssetFile(service, { assetId: fields.assetId, note: fields.note }, upload);
      return json(201, done);
    }
    const done = await createFileAsset(
      service,
      {
        title: fields.title ?? "",
        description: fields.description,
        category: fields.category as never,
        tags: fields.tags,
        language: fields.language as never,
        minTierId: fields.minTierId,
        expiresAt: fields.expiresAt,
      },
      upload,
    );
    return json(201, done);
  } catch (error) {
    if (error instanceof ZodError || error instanceof DomainError) {
      const { message, fields } = explainRefusal(error, locale);
      const status = error instanceof DomainError && error.kind === "not_found" ? 404 : 400;
      return json(status, { message, fields });
    }
    throw error;
  }
}
