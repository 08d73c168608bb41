import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import { localizedOrSelf, type LocalizedText } from "@/lib/localized";
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

/**
 * The text of a version a reader is shown: their language's, else the English (every version
 * has it), marked as a fallback. The page and the acceptance both ask this, so what is recorded
 * as accepted is what was on the screen.
 */
export function termsForReader(terms: Pick<ProgramTerms, "body" | "bodyAr">, locale: string): LocalizedText {
  return localizedOrSelf(locale, terms.body, terms.bodyAr);
}

export async function listTerms(db: Db) {
  return db
    .select({
      id: programTerms.id,
      version: programTerms.version,
      publishedAt: programTerms.publishedAt,
      body: programTerms.body,
      bodyAr: programTerms.bodyAr,
    })
    .from(programTerms)
    .orderBy(desc(programTerms.version));
}

const termsBody = z.string().trim().min(20).max(100_000);
/** A version is published in English, or in English and Arabic (empty Arabic means English only). */
export const publishTermsInput = z.object({
  body: termsBody,
  bodyAr: z.union([z.literal(""), termsBody]).optional(),
});

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
        bodyAr: input.bodyAr || null,
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
        after: {
          version: published!.version,
          languages: published!.bodyAr ? ["en", "ar"] : ["en"],
          body: published!.body,
          bodyAr: published!.bodyAr,
        },
      },
      clock.now(),
    );
    return published!;
  });
}

export async function hasAcceptedCurrentTerms(db: Db, userId: string): Promise<boolean> {
  // One round trip: the newest version and whether this user accepted it.
  const [row] = await db
    .select({
      accepted: sql<boolean>`exists (select 1 from ${termsAcceptances} where ${termsAcceptances.userId} = ${userId} and ${termsAcceptances.termsId} = ${programTerms.id})`,
    })
    .from(programTerms)
    .orderBy(desc(programTerms.version))
    .limit(1);
  return row ? row.accepted : true;
}

export const acceptTermsInput = z.object({
  termsId: z.uuid(),
  /** The reader's language: the page showed them termsForReader(terms, locale). */
  locale: z.enum(["en", "ar"]).default("en"),
});

/**
 * Records that a user accepted a version (only the current one can be accepted); idempotent.
 * Stores the language of the text actually shown to the reader (their own, or the English when
 * the version has no Arabic), and returns it.
 * Not audited: the service it is part of (accepting the terms, or an invitation) writes the entry.
 */
export async function recordTermsAcceptance(
  ctx: ServiceCtx,
  input: { userId: string; termsId: string; ip: string; locale?: string },
): Promise<{ locale: "en" | "ar" }> {
  const { userId, termsId, ip } = input;
  return withTransaction(ctx, async (tx) => {
    const terms = await currentTerms(tx);
    if (!terms) throw new NotFoundError("terms.none", "termsId");
    if (terms.id !== termsId) throw new ConflictError("terms.outdated", "termsId");
    const shown = termsForReader(terms, input.locale ?? "en").lang;
    await tx
      .insert(termsAcceptances)
      .values({ userId, termsId, ip, locale: shown, acceptedAt: ctx.clock.now() })
      .onConflictDoNothing();
    return { locale: shown };
  });
}

export async function acceptTerms(ctx: ServiceCtx<Actor>, input: z.input<typeof acceptTermsInput> & { ip: string }) {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx, inner) => {
    const { locale } = await recordTermsAcceptance(inner, {
      userId: actor.userId,
      termsId: input.termsId,
      ip: input.ip,
      locale: input.locale,
    });
    await audit(
      tx,
      actor,
      { action: "terms.accepted", entityType: "terms", entityId: input.termsId, after: { ip: input.ip, locale } },
      clock.now(),
    );
  });
}
