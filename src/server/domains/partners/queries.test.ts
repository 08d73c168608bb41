import { describe, expect, it } from "vitest";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import { partnerDashboard, partnerName } from "./queries";

const p = await setupProgram();
const { db, partnerOwner, partnerMember, otherPartnerOwner } = p;

describe("partnerDashboard", () => {
  it("shows the owner their own organization, tier and team", async () => {
    const dashboard = await partnerDashboard(p.ctxOf(partnerOwner));
    expect(dashboard.organization).toMatchObject({
      id: partnerOwner.partnerId,
      name: "Northwind Analytics",
      tierKey: "gold",
    });
    expect(dashboard.teamSize).toBe(2);
    expect(dashboard.nextTier?.key).toBe("platinum");
  });

  it("shows a member the same organization as its owner", async () => {
    const [member, owner] = await Promise.all([
      partnerDashboard(p.ctxOf(partnerMember)),
      partnerDashboard(p.ctxOf(partnerOwner)),
    ]);
    expect(member).toEqual(owner);
  });

  it("shows another partner's actor only their own organization", async () => {
    const dashboard = await partnerDashboard(p.ctxOf(otherPartnerOwner));
    expect(dashboard.organization).toMatchObject({
      id: otherPartnerOwner.partnerId,
      name: "Cobalt Cloud Partners",
      tierKey: "platinum",
    });
    expect(dashboard.organization.id).not.toBe(partnerOwner.partnerId);
    expect(dashboard.teamSize).toBe(3);
  });

  it("has no next tier for a partner on the top tier", async () => {
    expect((await partnerDashboard(p.ctxOf(otherPartnerOwner))).nextTier).toBeNull();
  });

  it("lists every tier in rank order", async () => {
    const { tiers } = await partnerDashboard(p.ctxOf(partnerOwner));
    expect(tiers.map((t) => t.key)).toEqual(["registered", "silver", "gold", "platinum"]);
  });

  it("refuses an actor whose organization does not exist", async () => {
    const stranger: PartnerActor = { ...partnerOwner, partnerId: "00000000-0000-4000-8000-000000000000" };
    await expect(partnerDashboard(p.ctxOf(stranger))).rejects.toMatchObject({
      kind: "not_found",
      code: "partner.notFound",
    });
  });
});

describe("partnerName", () => {
  it("names the organization, or gives an empty string for an unknown id", async () => {
    expect(await partnerName(db, partnerOwner.partnerId)).toBe("Northwind Analytics");
    expect(await partnerName(db, "00000000-0000-4000-8000-000000000000")).toBe("");
  });
});
