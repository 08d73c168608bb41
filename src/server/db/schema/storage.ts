import { bigint, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../columns";
import { users } from "./users";

/**
 * A file the portal keeps (lesson images now; assets and MDF proof later), through the storage
 * module. `storageKey` is the generated name in the store; what the user called the file is data
 * only, never a path. Bytes are served only by routes that check who asks.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: id(),
    /** What the file is for ("course_image"…): it sets the size limit and allowed types. */
    purpose: text("purpose").notNull(),
    storageKey: text("storage_key").notNull(),
    /** The type the bytes were sniffed as, never the type the upload declared. */
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    originalName: text("original_name").notNull(),
    /** Hex SHA-256 of the bytes. */
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("stored_files_storage_key_key").on(t.storageKey),
    index("stored_files_purpose_idx").on(t.purpose),
  ],
);
