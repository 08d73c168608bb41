import { and, asc, count, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const listAuditInput = z.object({
  ...pageInput,
  actorId: z.uuid().optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
});

export async function listAudit(db: Db, input: z.infer<typeof listAuditInput>) {
  const where = and(
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.from ? gte(auditLog.at, input.from) : undefined,
    input.to ? lt(auditLog.at, input.to) : undefined,
  );
  const order = input.sortDir === "asc" ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorKind: auditLog.actorKind,
        actorName: users.name,
        actorEmail: users.email,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

/** The values the filters offer: who has acted, and on which kinds of entity. */
export async function auditFilterOptions(db: Db) {
  const [actors, entityTypes] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .orderBy(users.name),
    db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actors, entityTypes: entityTypes.map((e) => e.entityType) };
}
