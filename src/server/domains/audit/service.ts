import { auditLog } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor, SystemActor } from "../actor";
import type { ApiKeyActor } from "../context";

/** Whoever caused the change: a signed-in user (by id and kind), the system (jobs), or an API key. */
export type AuditActor =
  Pick<Actor, "kind" | "userId"> | SystemActor | Pick<ApiKeyActor, "kind" | "userId" | "apiKeyId">;

/** Values as JSON: bigint and Date become strings so before/after survive jsonb exactly. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
}

/** Fields that must never reach the audit log. */
const SECRET_FIELDS = new Set(["hash", "password", "tokenHash", "token"]);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_FIELDS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry. Call it with the transaction that makes the change. */
export async function audit(tx: Db, actor: AuditActor, entry: AuditInput, at?: Date): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorKind: actor.kind,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(redact(entry.before)),
    after: toJson(redact(entry.after)),
    ...(at ? { at } : {}),
  });
}
