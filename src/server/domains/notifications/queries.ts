import { and, asc, count, desc, eq, ilike } from "drizzle-orm";
import { z } from "zod";
import { emailOutbox, emailStatus } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const listEmailsInput = z.object({
  ...pageInput,
  to: z.string().trim().max(320).optional(),
  status: z.enum(emailStatus.enumValues).optional(),
  template: z.string().trim().max(60).optional(),
});

export async function listEmails(db: Db, input: z.infer<typeof listEmailsInput>) {
  const where = and(
    input.to ? ilike(emailOutbox.to, containsPattern(input.to)) : undefined,
    input.status ? eq(emailOutbox.status, input.status) : undefined,
    input.template ? eq(emailOutbox.template, input.template) : undefined,
  );
  const order = input.sortDir === "asc" ? asc(emailOutbox.createdAt) : desc(emailOutbox.createdAt);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.to,
        subject: emailOutbox.subject,
        template: emailOutbox.template,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(where)
      .orderBy(order, desc(emailOutbox.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(emailOutbox).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

export async function getEmail(db: Db, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new NotFoundError("email.notFound", "id");
  return row;
}
