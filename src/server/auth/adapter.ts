import { and, eq } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { users, verificationTokens } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

function toAdapterUser(row: typeof users.$inferSelect): AdapterUser {
  return { id: row.id, email: row.email, emailVerified: row.emailVerified, name: row.name, image: row.image };
}

/**
 * Just what email sign-in links need. Users are never created here: only people who already
 * have an account (staff, or partners admitted by the program) can sign in.
 */
export function tierwiseAdapter(db: Db): Adapter {
  return {
    async createUser() {
      throw new Error("Accounts are created by invitation, not by sign-in.");
    },
    async getUser(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return row && !row.deactivatedAt ? toAdapterUser(row) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const [row] = await db
        .update(users)
        .set({ ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}) })
        .where(eq(users.id, user.id))
        .returning();
      return toAdapterUser(row!);
    },
    async linkAccount() {
      throw new Error("External accounts are not supported.");
    },
    async createVerificationToken(token) {
      await db.insert(verificationTokens).values(token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const [row] = await db
        .delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
        .returning();
      return row ?? null;
    },
  };
}
