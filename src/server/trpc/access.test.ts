import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { setupProgram } from "@/server/testing/fixtures";
import { STAFF_ROLES, type Actor, type StaffActor } from "@/server/domains/actor";
import { createCallerFactory, type AccessMeta, type Context } from "./init";
import { appRouter } from "./root";

/**
 * Walks every procedure of the router, so a new procedure without the right guard fails here:
 * each declares who may call it, and the guard refuses everyone else.
 */
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: AccessMeta } }>,
).map(([path, procedure]) => ({ path, meta: procedure._def.meta }));

const { db, clock, admin, partnerOwner, partnerMember } = await setupProgram();
const createCaller = createCallerFactory(appRouter);

async function call(actor: Actor | null, path: string): Promise<TRPCError | null> {
  const context: Context = { db, actor, clock, locale: "en", ip: "203.0.113.9" };
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)({});
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

const staffAs = (role: StaffActor["staffRole"]): StaffActor => ({ ...admin, staffRole: role });
const isRefusal = (e: TRPCError | null) => e?.code === "UNAUTHORIZED" || e?.code === "FORBIDDEN";

describe("router-wide access control", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(10);
  });

  it.each(procedures)("$path declares who may call it", ({ meta }) => {
    expect(meta?.access, "built from publicProcedure, userProcedure, partnerProcedure or staffProcedure").toMatch(
      /^(public|user|partner|staff)$/,
    );
  });

  it.each(procedures.filter((p) => p.meta?.access !== "public"))(
    "$path refuses an anonymous caller",
    async ({ path }) => {
      expect((await call(null, path))?.code).toBe("UNAUTHORIZED");
    },
  );

  it.each(procedures.filter((p) => p.meta?.access === "staff"))(
    "$path refuses partners and staff outside its roles",
    async ({ path, meta }) => {
      expect((await call(partnerOwner, path))?.code).toBe("FORBIDDEN");
      expect((await call(partnerMember, path))?.code).toBe("FORBIDDEN");
      const roles = meta?.access === "staff" ? meta.roles : [];
      for (const role of STAFF_ROLES) {
        const outcome = await call(staffAs(role), path);
        if (roles.includes(role)) expect(isRefusal(outcome), `${role} is allowed`).toBe(false);
        else expect(outcome?.code, `${role} is refused`).toBe("FORBIDDEN");
      }
    },
  );

  // Payout settings: everyone in the partner reads them, only owners change where the money goes.
  it.each(procedures.filter((p) => p.path.startsWith("partner.payouts.")))(
    "$path is read by members or changed by owners only",
    async ({ path, meta }) => {
      const ownersOnly = meta?.access === "partner" && (meta.partnerRoles ?? []).includes("owner");
      expect(ownersOnly, "owners only exactly when it changes something").toBe(
        !["settings", "list", "statement"].includes(path.split(".").at(-1)!),
      );
      const outcome = await call(partnerMember, path);
      if (ownersOnly) expect(outcome?.code).toBe("FORBIDDEN");
      else expect(isRefusal(outcome)).toBe(false);
    },
  );

  it.each(procedures.filter((p) => p.meta?.access === "partner"))("$path refuses staff", async ({ path }) => {
    for (const role of STAFF_ROLES) expect((await call(staffAs(role), path))?.code).toBe("FORBIDDEN");
    expect(isRefusal(await call(partnerOwner, path))).toBe(false);
  });
});
