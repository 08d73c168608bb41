import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { programTerms, termsAcceptances } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";

export type ProgramTerms = typeof programTerms.$inferSelect;

export async function currentTerms(db: Db): Promise<ProgramTerms | null> {
  const [row] = await db.select().from(programTerms).orderBy(desc(programTerms.version)).limit(1);
  return row ?? null;
}

export async function listTerms(db: Db) {
  return db
    .select({
      id: programTerms.id,
      version: programTerms.version,
      publishedAt: programTerms.publishedAt,
      body: programTerms.body,
    })
    .from(programTerms)
    .orderBy(desc(programTerms.version));
}

export const publishTermsInput = z.object({ body: z.string().trim().min(20).max(100_000) });

/** Publishes the next version; every partner user accepts it before using the portal again. */
export async function publishTerms(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof publishTermsInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [latest] = await tx.select().from(programTerms).orderBy(desc(programTerms.version)).limit(1).for("update");
    const [published] = await tx
      .insert(programTerms)
      .values({
        version: (latest?.version ?? 0) + 1,
        body: input.body,
        publishedBy: actor.userId,
        publishedAt: clock.now(),
      })
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "terms.published",
        entityType: "terms",
        entityId: published!.id,
        after: { version: published!.version },
      },
      clock.now(),
    );
    return published!;
  });
}

export async function hasAcceptedCurrentTerms(db: Db, userId: string): Promise<boolean> {
  const terms = await currentTerms(db);
  if (!terms) return true;
  const [row] = await db
    .select({ userId: termsAcceptances.userId })
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.userId, userId), eq(termsAcceptances.termsId, terms.id)));
  return Boolean(row);
}

export const acceptTermsInput = z.object({ termsId: z.uuid() });

/**
 * Records that a user accepted a version (only the current one can be accepted); idempotent.
 * Not audited: the service it is part of (accepting the terms, or an invitation) writes the entry.
 */
export async function recordTermsAcceptance(ctx: ServiceCtx, input: { userId: string; termsId: string; ip: string }) {
  const { userId, termsId, ip } = input;
  await withTransaction(ctx, async (tx) => {
    const terms = await currentTerms(tx);
    if (!terms) throw new NotFoundError("terms.none", "termsId");
    if (terms.id !== termsId) throw new ConflictError("terms.outdated", "termsId");
    await tx
      .insert(termsAcceptances)
      .values({ userId, termsId, ip, acceptedAt: ctx.clock.now() })
      .onConflictDoNothing();
  });
}

export async function acceptTerms(ctx: ServiceCtx<Actor>, input: z.infer<typeof acceptTermsInput> & { ip: string }) {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx, inner) => {
    await recordTermsAcceptance(inner, { userId: actor.userId, termsId: input.termsId, ip: input.ip });
    await audit(
      tx,
      actor,
      { action: "terms.accepted", entityType: "terms", entityId: input.termsId, after: { ip: input.ip } },
      clock.now(),
    );
  });
}
