import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, staffRoles, users } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import type { StaffActor } from "../actor";
import { changeStaffRole, inviteStaff, inviteStaffInput, listStaff, listStaffInput, setStaffActive } from "./service";

const p = await setupProgram();
const { db, clock, admin, manager, ctxOf } = p;

async function counts() {
  const [[u], [a], [o]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(emailOutbox),
  ]);
  return { users: u!.n, audit: a!.n, outbox: o!.n };
}

let invited = 0;
/** Invites a new staff member with a unique email (and the given name prefix). */
async function invite(role: StaffActor["staffRole"], name = "Test Person") {
  invited++;
  const input = inviteStaffInput.parse({ name: `${name} ${invited}`, email: `staff${invited}@tierwise.test`, role });
  return { ...(await inviteStaff(ctxOf(admin), input)), email: input.email };
}

describe("inviteStaff", () => {
  it("creates the user with their role", async () => {
    const { id, email } = await invite("finance");
    const [row] = await db
      .select({ email: users.email, kind: users.kind, role: staffRoles.role })
      .from(users)
      .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
      .where(eq(users.id, id));
    expect(row).toEqual({ email, kind: "staff", role: "finance" });
  });

  it("writes exactly one audit row and one welcome email", async () => {
    const before = await counts();
    const { id, email } = await invite("partner_manager");
    expect(await counts()).toEqual({ users: before.users + 1, audit: before.audit + 1, outbox: before.outbox + 1 });

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.invited"), eq(auditLog.entityId, id)));
    expect(entry).toMatchObject({
      actorId: admin.userId,
      entityType: "user",
      after: { email, role: "partner_manager" },
    });

    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
    expect(mail?.template).toBe("staffInvite");
    expect(mail?.text).toContain("/welcome/");
  });

  it("refuses an email that already has an account, whatever its case, and writes nothing", async () => {
    const before = await counts();
    const input = inviteStaffInput.parse({ name: "Second Amira", email: "ADMIN@tierwise.demo", role: "admin" });
    await expect(inviteStaff(ctxOf(admin), input)).rejects.toMatchObject({ code: "staff.emailTaken", field: "email" });
    expect(await counts()).toEqual(before);
  });

  it("rolls the user back when a later write in the transaction fails", async () => {
    const before = await counts();
    const input = inviteStaffInput.parse({ name: "Half Made", email: "half@tierwise.test", role: "finance" });
    // A role the database enum rejects makes the second insert fail after the user row was written.
    const badRole = { ...input, role: "superuser" as unknown as "finance" };
    await expect(inviteStaff(ctxOf(admin), badRole)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe("changeStaffRole", () => {
  it("changes the role and audits it with before and after", async () => {
    const { id } = await invite("finance");
    await changeStaffRole(ctxOf(admin), { userId: id, role: "partner_manager" });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.roleChanged"), eq(auditLog.entityId, id)));
    expect(entry?.before).toMatchObject({ userId: id, role: "finance" });
    expect(entry?.after).toMatchObject({ userId: id, role: "partner_manager" });
  });

  it("refuses to demote the last active admin", async () => {
    await expect(changeStaffRole(ctxOf(admin), { userId: admin.userId, role: "finance" })).rejects.toMatchObject({
      code: "staff.lastAdmin",
    });
  });

  it("does not count a deactivated admin as another admin", async () => {
    const { id } = await invite("admin");
    await setStaffActive(ctxOf(admin), { userId: id, active: false });
    await expect(changeStaffRole(ctxOf(admin), { userId: admin.userId, role: "finance" })).rejects.toMatchObject({
      code: "staff.lastAdmin",
    });
  });
});

describe("setStaffActive", () => {
  it("refuses to deactivate the last active admin", async () => {
    await expect(setStaffActive(ctxOf(manager), { userId: admin.userId, active: false })).rejects.toMatchObject({
      code: "staff.lastAdmin",
    });
  });

  it("does not let an admin deactivate themself", async () => {
    await expect(setStaffActive(ctxOf(admin), { userId: admin.userId, active: false })).rejects.toMatchObject({
      code: "staff.cannotDeactivateSelf",
    });
  });

  it("deactivates another staff member and audits it", async () => {
    const { id } = await invite("finance");
    await setStaffActive(ctxOf(admin), { userId: id, active: false });
    const [row] = await db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, id));
    expect(row?.deactivatedAt).toEqual(clock.now());
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.deactivated"), eq(auditLog.entityId, id)));
    expect(entry).toBeDefined();
  });
});

describe("listStaff", () => {
  it("filters by role", async () => {
    const page = await listStaff(db, listStaffInput.parse({ role: "finance", pageSize: 100 }));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.role === "finance")).toBe(true);
    expect(page.rows.map((r) => r.email)).toContain("finance@tierwise.demo");
  });

  it("searches names and emails, ignoring case", async () => {
    const byName = await listStaff(db, listStaffInput.parse({ search: "amira" }));
    expect(byName.rows.map((r) => r.email)).toEqual(["admin@tierwise.demo"]);
    const byEmail = await listStaff(db, listStaffInput.parse({ search: "MANAGER@" }));
    expect(byEmail.rows.map((r) => r.name)).toEqual(["Marcus Chen"]);
  });

  it("paginates with a total and a page count", async () => {
    for (let i = 0; i < 7; i++) await invite("finance", "Pager");
    const first = await listStaff(db, listStaffInput.parse({ search: "pager", pageSize: 5 }));
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 5, pageCount: 2 });
    expect(first.rows).toHaveLength(5);
    const second = await listStaff(db, listStaffInput.parse({ search: "pager", pageSize: 5, page: 2 }));
    expect(second.rows).toHaveLength(2);
    const all = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(7);
  });

  it("reports one page when nothing matches", async () => {
    const page = await listStaff(db, listStaffInput.parse({ search: "nobody-by-this-name" }));
    expect(page).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });
});
