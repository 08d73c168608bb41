import { eq } from "drizzle-orm";
import { z } from "zod";
import { courseImages, courses } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import {
  discardStoredBytes,
  readStoredFile,
  STORAGE_PURPOSES,
  storeFile,
  type StoredFileContent,
} from "@/server/integrations/storage";
import type { Actor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { visibleVersionOf } from "./visibility";

export const COURSE_IMAGE_MAX_BYTES = STORAGE_PURPOSES.course_image.maxBytes;

/** Where a lesson image is served from; the Markdown renderer shows images from this path only. */
export const courseImageUrl = (imageId: string) => `/api/training/images/${imageId}`;

/**
 * A lesson image as it travels (a tRPC mutation, like the tax form): the bytes in base64. The text
 * is held to the size the limit encodes to before anything decodes it, so an oversized upload
 * costs no decoding; the storage module then checks what the bytes really are. (Zod messages are
 * translated without values, hence keys that name the limit themselves.)
 */
export const uploadCourseImageInput = z.object({
  courseId: z.uuid(),
  fileName: z.string().min(1, { message: "storage.badName" }).max(255, { message: "storage.badName" }),
  contentBase64: z
    .string()
    .min(1, { message: "storage.empty" })
    .max(Math.ceil((COURSE_IMAGE_MAX_BYTES * 4) / 3) + 8, { message: "storage.imageTooLarge" })
    .base64({ message: "storage.unreadable" }),
});
export type UploadCourseImageInput = z.infer<typeof uploadCourseImageInput>;

/** The alt text a lesson starts with: the file's name without its extension, Markdown's brackets removed. */
export function altFromFileName(name: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
  const alt = base
    .replace(/[\u0000-\u001f\u007f-\u009f[\]()\\*_`!]/g, " ")
    .replace(/[-.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .trim();
  return alt || "image";
}

export interface UploadedCourseImage {
  imageId: string;
  url: string;
  /** Ready to paste into a lesson. */
  markdown: string;
}

/**
 * Staff upload an image for a course's lessons: stored through the storage module (purpose
 * course_image: PNG, JPEG, WebP or GIF up to 5 MB, by the bytes' signature), linked to the course
 * and audited, in one transaction. Should that transaction fail, the written bytes are removed.
 */
export async function uploadCourseImage(
  ctx: ServiceCtx<StaffActor>,
  input: UploadCourseImageInput,
): Promise<UploadedCourseImage> {
  const { actor, clock } = ctx;
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
  let written: string | null = null;
  try {
    return await withTransaction(ctx, async (tx) => {
      const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, input.courseId));
      if (!course) throw new NotFoundError("notFound", "courseId");
      const file = await storeFile(tx, {
        purpose: "course_image",
        bytes,
        originalName: input.fileName,
        uploadedBy: actor.userId,
      });
      written = file.storageKey;
      const [image] = await tx.insert(courseImages).values({ courseId: course.id, fileId: file.id }).returning();
      await audit(
        tx,
        actor,
        {
          action: "course.imageUploaded",
          entityType: "course",
          entityId: course.id,
          after: {
            imageId: image!.id,
            fileId: file.id,
            originalName: file.originalName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
          },
        },
        clock.now(),
      );
      const url = courseImageUrl(image!.id);
      return { imageId: image!.id, url, markdown: `![${altFromFileName(file.originalName)}](${url})` };
    });
  } catch (error) {
    if (written) await discardStoredBytes(written).catch(() => undefined);
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A lesson image for whoever may see it: staff (any role) always; a partner user when their
 * organization may see the image's course (the shared visibility rule). Anyone else, and any id
 * that is malformed or missing, gets null alike, so ids cannot be probed.
 */
export async function readCourseImage(db: Db, actor: Actor, imageId: string): Promise<StoredFileContent | null> {
  if (!UUID.test(imageId)) return null;
  const [image] = await db
    .select({ courseId: courseImages.courseId, fileId: courseImages.fileId })
    .from(courseImages)
    .where(eq(courseImages.id, imageId));
  if (!image) return null;
  if (actor.kind === "partner" && !(await visibleVersionOf(db, actor.partnerId, image.courseId))) return null;
  return readStoredFile(db, image.fileId);
}
