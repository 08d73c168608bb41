import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { partnerInvitations, partnerLogos, partnerMemberships, partners, users } from "@/server/db/schema";
import { issueInvitation } from "@/server/domains/partners/invitations";
import { setupProgram } from "@/server/testing/fixtures";
import { createCallerFactory, type AccessMeta, type Context } from "./init";
import { appRouter } from "./root";

/**
 * Tenant isolation, router-wide: a partner user calls every partner procedure with another
 * organization's ids in every id field, and never sees or changes anything of theirs.
 */
const { db, clock, partnerOwner, otherPartnerOwner, actorByEmail } = await setupProgram();
const otherMember = await actorByEmail("tobias@cobalt.demo");
const otherPartnerId = otherPartnerOwner.kind === "partner" ? otherPartnerOwner.partnerId : "";
const otherInvitation = await db.transaction((tx) =>
  issueInvitation(tx, otherPartnerOwner, { partnerId: otherPartnerId, email: "newhire@cobalt.demo", name: "New Hire", role: "member", locale: "en" }, fixedClock(clock.now())),
);
await db.insert(partnerLogos).values({ partnerId: otherPartnerId, contentType: "image/png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });

/** Every value that would betray the other organization if it showed up in an answer. */
const [otherOrg] = await db.select().from(partners).where(eq(partners.id, otherPartnerId));
const otherUsers = await db
  .select({ id: users.id, email: users.email, name: users.name })
  .from(partnerMemberships)
  .innerJoin(users, eq(users.id, partnerMemberships.userId))
  .where(eq(partnerMemberships.partnerId, otherPartnerId));
const secrets = [otherPartnerId, otherOrg!.name, otherOrg!.domain!, otherInvitation.id, otherInvitation.email, ...otherUsers.flatMap((u) => [u.id, u.email, u.name])];

/** The other organization's rows, to prove that nothing of theirs changed. */
async function otherOrgSnapshot() {
  const [org, members, invitations, logo] = await Promise.all([
    db.select().from(partners).where(eq(partners.id, otherPartnerId)),
    db.select().from(partnerMemberships).where(eq(partnerMemberships.partnerId, otherPartnerId)),
    db.select().from(partnerInvitations).where(eq(partnerInvitations.partnerId, otherPartnerId)),
    db.select({ contentType: partnerLogos.contentType }).from(partnerLogos).where(eq(partnerLogos.partnerId, otherPartnerId)),
  ]);
  return JSON.stringify({ org, members, invitations, logo, users: await db.select().from(users).where(eq(users.id, otherMember.userId)) });
}

/** Inputs for each partner procedure, with the other organization's ids wherever an id goes. */
const hostileInputs: Record<string, unknown[]> = {
  "partner.dashboard": [undefined, { partnerId: otherPartnerId }],
  "partner.profile": [undefined, { partnerId: otherPartnerId }],
  "partner.updateProfile": [{ partnerId: otherPartnerId, name: "Hijacked", website: "", country: "US", contactEmail: "", phone: "", address: "" }],
  "partner.uploadLogo": [{ partnerId: otherPartnerId, contentType: "image/png", dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]).toString("base64") }],
  "partner.removeLogo": [undefined, { partnerId: otherPartnerId }],
  "team.list": [undefined, { partnerId: otherPartnerId }],
  "team.invite": [{ partnerId: otherPartnerId, email: "sneaky@northwind.demo", role: "member" }],
  "team.resendInvitation": [{ invitationId: otherInvitation.id, partnerId: otherPartnerId }],
  "team.revokeInvitation": [{ invitationId: otherInvitation.id, partnerId: otherPartnerId }],
  "team.changeRole": [{ userId: otherMember.userId, role: "owner", partnerId: otherPartnerId }],
  "team.remove": [{ userId: otherMember.userId, partnerId: otherPartnerId }],
};

const partnerProcedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: AccessMeta } }>)
  .filter(([, p]) => p._def.meta?.access === "partner")
  .map(([path]) => path);

const createCaller = createCallerFactory(appRouter);
const context: Context = { db, actor: partnerOwner, clock, locale: "en", ip: "203.0.113.7" };

async function call(path: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    return await (target as (i: unknown) => Promise<unknown>)(input);
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.code, message: error.message };
    throw error;
  }
}

describe("tenant isolation", () => {
  it("covers every partner procedure", () => {
    expect(partnerProcedures.filter((p) => !(p in hostileInputs)), "add hostile inputs for new partner procedures").toEqual([]);
  });

  it.each(partnerProcedures)("%s never reveals or changes another organization", async (path) => {
    const before = await otherOrgSnapshot();
    for (const input of hostileInputs[path] ?? []) {
      const answer = JSON.stringify(await call(path, input), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";
      for (const secret of secrets) expect(answer, `${path} answered with ${secret}`).not.toContain(secret);
    }
    expect(await otherOrgSnapshot()).toBe(before);
  });

  it("acts on the caller's own organization when ids of another are sent", async () => {
    const answer = (await call("team.list", { partnerId: otherPartnerId })) as { members: { email: string }[] };
    expect(answer.members.map((m) => m.email).sort()).toEqual(["james@northwind.demo", "olivia@northwind.demo"]);
  });
});
