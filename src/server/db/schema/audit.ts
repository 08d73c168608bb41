import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "../columns";
import { users } from "./users";

/** Who did what to which entity, with before/after; written in the same transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    at: timestamptz("at")
      .notNull()
      .default(sql`now()`),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** staff, partner or system */
    actorKind: text("actor_kind").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
  ],
);
