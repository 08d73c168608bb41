import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { userTokens } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { InvalidError } from "@/server/domains/errors";

type Purpose = (typeof userTokens.$inferSelect)["purpose"];

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Issues a single-use link token; only its hash is stored. Earlier unused ones are retired. */
export async function issueUserToken(
  tx: Db,
  userId: string,
  purpose: Purpose,
  ttlMs: number,
  clock: Clock,
): Promise<string> {
  const raw = randomBytes(32).toString("base64url");
  await tx
    .update(userTokens)
    .set({ usedAt: clock.now() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  await tx.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: sha256(raw),
    expiresAt: new Date(clock.now().getTime() + ttlMs),
    createdAt: clock.now(),
  });
  return raw;
}

export type TokenState = "valid" | "expired" | "used" | "unknown";

export async function inspectUserToken(db: Db, raw: string, purpose: Purpose, clock: Clock) {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, sha256(raw)), eq(userTokens.purpose, purpose)));
  const state: TokenState = !row ? "unknown" : row.usedAt ? "used" : row.expiresAt <= clock.now() ? "expired" : "valid";
  return { state, row };
}

/** Marks the token used (row-locked, so two clicks cannot both succeed) and returns its user. */
export async function consumeUserToken(tx: Db, raw: string, purpose: Purpose, clock: Clock): Promise<string> {
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, sha256(raw)), eq(userTokens.purpose, purpose)))
    .for("update");
  if (!row) throw new InvalidError("token.unknown", "token");
  if (row.usedAt) throw new InvalidError("token.used", "token");
  if (row.expiresAt <= clock.now()) throw new InvalidError("token.expired", "token");
  await tx.update(userTokens).set({ usedAt: clock.now() }).where(eq(userTokens.id, row.id));
  return row.userId;
}
