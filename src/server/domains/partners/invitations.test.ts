import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { emailOutbox, partnerMemberships, termsAcceptances, users } from "@/server/db/schema";
import { verifyCredentials } from "@/server/security/credentials";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM, type PartnerActor } from "../actor";
import { acceptInvitation, inspectInvitation } from "./invitations";
import { changeMemberRole, inviteMember, removeMember, revokeMemberInvitation } from "./team";
import { currentTerms, publishTerms } from "./terms";

const { db, clock, manager, partnerOwner, partnerMember, ctxOf } = await setupProgram();
let terms = (await currentTerms(db))!;

/** The raw token of the newest invitation email to `to` (tokens are only ever in the email). */
async function tokenFor(to: string): Promise<string> {
  const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
  const newest = emails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return /\/invite\/([\w-]+)/.exec(newest!.text)![1]!;
}

const accept = (token: string, extra: Partial<Parameters<typeof acceptInvitation>[1]> = {}) =>
  acceptInvitation(ctxOf(SYSTEM), {
    token,
    name: "Nadia Karim",
    password: "nadia-password-1",
    termsId: terms.id,
    acceptTerms: true,
    ip: "198.51.100.9",
    ...extra,
  });

describe("invitations", () => {
  it("an owner's invitation lets a colleague join with a password and the accepted terms", async () => {
    await inviteMember(ctxOf(partnerOwner), { email: "nadia@northwind.demo", role: "member" });
    const token = await tokenFor("nadia@northwind.demo");
    expect(await inspectInvitation(ctxOf(SYSTEM), token)).toMatchObject({
      state: "valid",
      email: "nadia@northwind.demo",
      company: "Northwind Analytics",
    });
    const { userId } = await accept(token);
    const [membership] = await db.select().from(partnerMemberships).where(eq(partnerMemberships.userId, userId));
    expect(membership).toMatchObject({ partnerId: partnerOwner.partnerId, role: "member" });
    const [acceptance] = await db.select().from(termsAcceptances).where(eq(termsAcceptances.userId, userId));
    expect(acceptance).toMatchObject({ termsId: terms.id, ip: "198.51.100.9" });
    await expect(
      verifyCredentials(db, { email: "nadia@northwind.demo", password: "nadia-password-1", ip: "198.51.100.9" }, clock),
    ).resolves.toBe(userId);
  });

  it("records the terms in the language the invitee read them in", async () => {
    await inviteMember(ctxOf(partnerOwner), { email: "rania@northwind.demo", role: "member" });
    const { userId } = await accept(await tokenFor("rania@northwind.demo"), { locale: "ar" });
    const [acceptance] = await db.select().from(termsAcceptances).where(eq(termsAcceptances.userId, userId));
    expect(terms.bodyAr, "the program's terms are given in Arabic").toBeTruthy();
    expect(acceptance).toMatchObject({ termsId: terms.id, locale: "ar" });
  });

  it("works once: a used link says so and writes nothing", async () => {
    const token = await tokenFor("nadia@northwind.demo");
    const [before] = await db.select({ n: count() }).from(users);
    await expect(accept(token)).rejects.toMatchObject({ code: "invitation.accepted", field: "token" });
    expect((await db.select({ n: count() }).from(users))[0]).toEqual(before);
  });

  it("expires after 7 days", async () => {
    await inviteMember(ctxOf(partnerOwner), { email: "late@northwind.demo", role: "member" });
    const token = await tokenFor("late@northwind.demo");
    clock.advance(7 * DAY + 1);
    expect((await inspectInvitation(ctxOf(SYSTEM), token)).state).toBe("expired");
    await expect(accept(token)).rejects.toMatchObject({ code: "invitation.expired" });
  });

  it("a revoked link says so", async () => {
    const { id } = await inviteMember(ctxOf(partnerOwner), { email: "revoked@northwind.demo", role: "member" });
    const token = await tokenFor("revoked@northwind.demo");
    await revokeMemberInvitation(ctxOf(partnerOwner), { invitationId: id });
    await expect(accept(token)).rejects.toMatchObject({ code: "invitation.revoked" });
  });

  it("requires the current terms: a version published meanwhile must be read first", async () => {
    await inviteMember(ctxOf(partnerOwner), { email: "reader@northwind.demo", role: "member" });
    const token = await tokenFor("reader@northwind.demo");
    const old = terms;
    terms = await publishTerms(ctxOf(manager), { body: "# Terms v2\n\nNew rules for everyone in the program." });
    await expect(accept(token, { termsId: old.id })).rejects.toMatchObject({ code: "terms.outdated" });
    await expect(accept(token)).resolves.toMatchObject({ email: "reader@northwind.demo" });
  });

  it("refuses inviting an address that already has an account, or one already invited", async () => {
    await expect(
      inviteMember(ctxOf(partnerOwner), { email: "lena@cobalt.demo", role: "member" }),
    ).rejects.toMatchObject({ code: "team.emailTaken", field: "email" });
    await inviteMember(ctxOf(partnerOwner), { email: "twice@northwind.demo", role: "member" });
    await expect(
      inviteMember(ctxOf(partnerOwner), { email: "twice@northwind.demo", role: "owner" }),
    ).rejects.toMatchObject({ code: "team.alreadyInvited" });
  });
});

describe("team", () => {
  it("never removes or demotes the last owner", async () => {
    await expect(
      changeMemberRole(ctxOf(partnerOwner), { userId: partnerOwner.userId, role: "member" }),
    ).rejects.toMatchObject({ code: "team.lastOwner" });
    await changeMemberRole(ctxOf(partnerOwner), { userId: partnerMember.userId, role: "owner" });
    const promoted: PartnerActor = { ...partnerMember, partnerRole: "owner" };
    await removeMember(ctxOf(promoted), { userId: partnerOwner.userId });
    await expect(removeMember(ctxOf(promoted), { userId: promoted.userId })).rejects.toMatchObject({
      code: "team.lastOwner",
    });
    const [removed] = await db.select().from(users).where(eq(users.id, partnerOwner.userId));
    expect(removed?.deactivatedAt).not.toBeNull();
  });

  it("treats another organization's member as unknown", async () => {
    const [lena] = await db.select().from(users).where(eq(users.email, "lena@cobalt.demo"));
    const promoted: PartnerActor = { ...partnerMember, partnerRole: "owner" };
    await expect(removeMember(ctxOf(promoted), { userId: lena!.id })).rejects.toMatchObject({
      code: "team.memberNotFound",
    });
  });
});
