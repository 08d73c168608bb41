import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partners, partnerStatusEvents, tiers } from "@/server/db/schema";
import { loadActor } from "@/server/auth/actor";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import {
  addPartnerNote,
  exportPartnersCsv,
  listPartners,
  partnerDetail,
  setPartnerStatus,
  updatePartnerProfile,
} from "./directory";

const { db, clock, manager, partnerOwner, ctxOf } = await setupProgram();
const page = { page: 1, pageSize: 20, sort: "name" as const, sortDir: "asc" as const };

describe("partner directory", () => {
  it("searches by name or domain and filters by type, tier and status", async () => {
    expect((await listPartners(db, { ...page, search: "cobalt" })).rows.map((r) => r.name)).toEqual([
      "Cobalt Cloud Partners",
    ]);
    expect((await listPartners(db, { ...page, search: "kestrel-it.example" })).rows.map((r) => r.name)).toEqual([
      "Kestrel IT Solutions",
    ]);
    const [silver] = await db.select().from(tiers).where(eq(tiers.key, "silver"));
    expect((await listPartners(db, { ...page, tierId: silver!.id })).total).toBe(2);
    expect(
      (await listPartners(db, { ...page, type: "affiliate", status: "suspended" })).rows.map((r) => r.name),
    ).toEqual(["Saffron Deals"]);
    const sorted = await listPartners(db, { ...page, sort: "tier", sortDir: "desc", pageSize: 5 });
    expect(sorted.rows[0]?.tierKey).toBe("platinum");
    expect(sorted.pageCount).toBe(2);
  });

  it("exports the filtered list as CSV, neutralizing spreadsheet formulas", async () => {
    await updatePartnerProfile(ctxOf(manager), {
      partnerId: partnerOwner.partnerId,
      name: '=HYPERLINK("x")',
      website: "northwind-analytics.example",
      country: "US",
      contactEmail: "",
      phone: "",
      address: "",
    });
    const csv = await exportPartnersCsv(db, { search: "northwind", sort: "name", sortDir: "asc" }, [
      "Partner",
      "Domain",
      "Country",
      "Type",
      "Status",
      "Tier",
      "Manager",
      "Users",
      "Joined",
    ]);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    await updatePartnerProfile(ctxOf(manager), {
      partnerId: partnerOwner.partnerId,
      name: "Northwind Analytics",
      website: "northwind-analytics.example",
      country: "US",
      contactEmail: "",
      phone: "",
      address: "",
    });
  });

  it("suspends with a reason in the history, and a suspended partner reads but cannot write", async () => {
    await setPartnerStatus(ctxOf(manager), {
      partnerId: partnerOwner.partnerId,
      status: "suspended",
      reason: "Unpaid co-marketing invoice.",
    });
    const history = await db
      .select()
      .from(partnerStatusEvents)
      .where(eq(partnerStatusEvents.partnerId, partnerOwner.partnerId));
    expect(history.map((h) => h.toStatus)).toContain("suspended");
    await expect(
      setPartnerStatus(ctxOf(manager), {
        partnerId: partnerOwner.partnerId,
        status: "suspended",
        reason: "Again, twice.",
      }),
    ).rejects.toMatchObject({ code: "partner.already.suspended" });

    const suspended = (await loadActor(db, partnerOwner.userId)) as PartnerActor;
    expect(suspended.partnerStatus).toBe("suspended");
    const caller = createCallerFactory(appRouter)({ db, actor: suspended, clock, locale: "en", ip: "198.51.100.1" });
    await expect(caller.partner.dashboard()).resolves.toMatchObject({ organization: { status: "suspended" } });
    const refused = await caller.partner.team
      .invite({ email: "new@northwind.demo", role: "member" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect((refused as TRPCError).message).toContain("suspended");

    await setPartnerStatus(ctxOf(manager), {
      partnerId: partnerOwner.partnerId,
      status: "active",
      reason: "Invoice settled.",
    });
    const [row] = await db.select().from(partners).where(eq(partners.id, partnerOwner.partnerId));
    expect(row?.status).toBe("active");
  });

  it("shows the detail with users, history and notes", async () => {
    await addPartnerNote(ctxOf(manager), { partnerId: partnerOwner.partnerId, body: "Prefers calls on Tuesdays." });
    const detail = await partnerDetail(db, partnerOwner.partnerId);
    expect(detail.members.map((m) => m.email).sort()).toEqual(["james@northwind.demo", "olivia@northwind.demo"]);
    expect(detail.notes[0]?.body).toBe("Prefers calls on Tuesdays.");
    expect(detail.history.length).toBeGreaterThanOrEqual(3);
    expect(detail.invitations.map((i) => i.email)).toEqual(["priya.shah@northwind.demo"]);
  });
});
