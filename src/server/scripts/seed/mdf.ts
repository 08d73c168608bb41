import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY, fixedClock, isoDay } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { emailOutbox, leads, partnerMemberships, partners, staffRoles, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "@/server/domains/actor";
import type { ServiceCtx } from "@/server/domains/context";
import { demoPdf, demoPng } from "@/server/domains/enablement/assets-demo-files";
import { previousQuarter, quarterOf, setBudget, type Quarter } from "@/server/domains/enablement/mdf-budgets";
import { approveClaim, rejectClaim, submitClaim } from "@/server/domains/enablement/mdf-claims";
import {
  approveRequest,
  cancelRequest,
  createRequest,
  rejectRequest,
  type CreateRequestInput,
} from "@/server/domains/enablement/mdf-requests";

/** Each tier's quarterly allocation in the demo (program currency): Registered gets none. */
const TIER_BUDGETS: Record<string, string> = { silver: "5,000", gold: "15,000", platinum: "40,000" };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function quarterStart(q: Quarter): number {
  return Date.UTC(q.year, (q.quarter - 1) * 3, 1);
}

/**
 * The demo's market development funds, through the MDF services themselves at past moments:
 * budgets for the current and previous quarter per tier (and Rimal's override), requests in every
 * state and claims in every state, with small generated proof and invoice files. Kestrel's
 * approved claim leaves a payable mdf entry that the next payout run pays (once Kestrel is onboarded). The emails these
 * backfilled steps queued were never news to anyone and are removed, as the payouts seed does.
 */
export async function seedDemoMdf(tx: Db, clock: Clock, managerId: string | null): Promise<void> {
  const now = clock.now().getTime();
  const current = quarterOf(clock.now());
  const previous = previousQuarter(current);
  const staff = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(inArray(staffRoles.role, ["partner_manager", "admin"]))
    .orderBy(asc(staffRoles.role));
  const deciderId = managerId ?? staff[0]?.id;
  if (!deciderId) return;
  const decider = (await loadActor(tx, deciderId)) as StaffActor;
  const at = <A extends PartnerActor | StaffActor>(actor: A, when: number): ServiceCtx<A> => ({
    db: tx,
    actor,
    clock: fixedClock(new Date(when)),
  });

  const tierRows = await tx.select({ id: tiers.id, key: tiers.key }).from(tiers);
  for (const q of [previous, current]) {
    const set = quarterStart(q) - 10 * DAY;
    for (const tier of tierRows) {
      const amount = TIER_BUDGETS[tier.key];
      if (amount) await setBudget(at(decider, Math.min(set, now)), { ...q, tierId: tier.id, amount, note: "" });
    }
  }
  const orgs = await tx.select({ id: partners.id, name: partners.name }).from(partners);
  const org = (name: string) => orgs.find((o) => o.name === name);
  const rimal = org("Rimal Consulting");
  if (rimal)
    await setBudget(at(decider, Math.min(quarterStart(current), now)), {
      ...current,
      partnerId: rimal.id,
      amount: "8,000",
      note: "GITEX year: the Gulf launch gets a larger share",
    });

  const ownerOf = async (partnerName: string): Promise<PartnerActor | null> => {
    const partner = org(partnerName);
    if (!partner) return null;
    const [member] = await tx
      .select({ userId: partnerMemberships.userId })
      .from(partnerMemberships)
      .where(and(eq(partnerMemberships.partnerId, partner.id), eq(partnerMemberships.role, "owner")))
      .limit(1);
    return member ? ((await loadActor(tx, member.userId)) as PartnerActor) : null;
  };
  const leadIdsOf = async (partnerId: string, n: number) =>
    (
      await tx
        .select({ id: leads.id })
        .from(leads)
        .where(eq(leads.partnerId, partnerId))
        .orderBy(asc(leads.companyName))
        .limit(n)
    ).map((l) => l.id);

  // The previous quarter's campaigns ran in its second month; the current quarter's start from today.
  const prevStart = quarterStart(previous);
  const day = (ms: number) => isoDay(new Date(ms));
  const currentEnd =
    quarterStart({ year: current.year + (current.quarter === 4 ? 1 : 0), quarter: (current.quarter % 4) + 1 }) - DAY;
  const soon = (days: number) => Math.min(now + days * DAY, currentEnd);

  const ask = async (
    partnerName: string,
    when: number,
    input: Omit<CreateRequestInput, "description" | "expectedPipeline"> & {
      description?: string;
      expectedPipeline?: string;
    },
  ) => {
    const owner = await ownerOf(partnerName);
    if (!owner) return null;
    const request = await createRequest(at(owner, when), {
      description: "",
      expectedPipeline: "",
      ...input,
    });
    return { owner, request };
  };
  const proofFiles = (campaign: string) => [
    { fileName: "campaign-photo.png", contentBase64: b64(demoPng(64, 40, [29, 78, 216], [245, 158, 11])) },
    {
      fileName: "results-report.pdf",
      contentBase64: b64(
        demoPdf(`${campaign}: results`, ["Attendees and leads by day", "Demo proof of performance"], [29, 78, 216]),
      ),
    },
  ];
  const invoiceFile = (campaign: string, number: string) => ({
    fileName: `invoice-${number}.pdf`,
    contentBase64: b64(demoPdf(`Invoice ${number}`, [campaign, "Demo invoice"], [23, 23, 23])),
  });

  // Northwind: last quarter's summit booth, approved and claimed; the claim waits for a decision.
  const summit = await ask("Northwind Analytics", prevStart + 20 * DAY, {
    campaignName: "Data Summit 2026 booth",
    activityType: "trade_show",
    description: "A 3x3 m booth at the regional Data Summit with two live demo stations and a lead-capture app.",
    startsOn: day(prevStart + 40 * DAY),
    endsOn: day(prevStart + 42 * DAY),
    totalCost: "15,000",
    requested: "7,500",
    expectedLeads: 60,
    expectedPipeline: "400,000",
  });
  if (summit) {
    await approveRequest(at(decider, prevStart + 23 * DAY), {
      requestId: summit.request.id,
      amount: "6,000",
      note: "Approved at 40% of cost, as for every trade show this year.",
    });
    await submitClaim(at(summit.owner, Math.min(prevStart + 60 * DAY, now - DAY)), {
      requestId: summit.request.id,
      actualCost: "14,200",
      claimed: "6,000",
      leadsProduced: 54,
      notes: "Booth photos, the lead report and the organiser's invoice.",
      leadIds: await leadIdsOf(summit.request.partnerId, 2),
      proofs: proofFiles("Data Summit 2026 booth"),
      invoice: invoiceFile("Data Summit 2026 booth", "DS-2026-118"),
    });
  }

  // Cobalt: last quarter's roadshow, approved; its claim rejected (may be filed again).
  const roadshow = await ask("Cobalt Cloud Partners", prevStart + 10 * DAY, {
    campaignName: "Cloud Migration Roadshow",
    activityType: "event",
    description: "Half-day sessions in Berlin, Munich and Hamburg on moving analytics workloads to the cloud.",
    startsOn: day(prevStart + 30 * DAY),
    endsOn: day(prevStart + 44 * DAY),
    totalCost: "30,000",
    requested: "15,000",
    expectedLeads: 120,
    expectedPipeline: "900,000",
  });
  if (roadshow) {
    await approveRequest(at(decider, prevStart + 12 * DAY), {
      requestId: roadshow.request.id,
      amount: "12,000",
      note: "",
    });
    const claim = await submitClaim(at(roadshow.owner, prevStart + 50 * DAY), {
      requestId: roadshow.request.id,
      actualCost: "28,400",
      claimed: "12,000",
      leadsProduced: 97,
      notes: "",
      leadIds: await leadIdsOf(roadshow.request.partnerId, 1),
      proofs: proofFiles("Cloud Migration Roadshow").slice(0, 1),
      invoice: invoiceFile("Cloud Migration Roadshow", "CR-7731"),
    });
    await rejectClaim(at(decider, prevStart + 53 * DAY), {
      claimId: claim.id,
      reason: "The invoice is not itemised: send the venue's invoice with each city's costs listed.",
    });
  }

  // Kestrel: last quarter's breakfast briefing, claimed and approved: its entry is payable, for the next run.
  const breakfast = await ask("Kestrel IT Solutions", prevStart + 15 * DAY, {
    campaignName: "Montreal IT leaders breakfast",
    activityType: "event",
    description: "A breakfast briefing for 40 IT leaders with a customer speaker.",
    startsOn: day(prevStart + 35 * DAY),
    endsOn: day(prevStart + 35 * DAY),
    totalCost: "4,800",
    requested: "2,400",
    expectedLeads: 15,
    expectedPipeline: "120,000",
  });
  if (breakfast) {
    await approveRequest(at(decider, prevStart + 17 * DAY), {
      requestId: breakfast.request.id,
      amount: "2,000",
      note: "",
    });
    const claim = await submitClaim(at(breakfast.owner, prevStart + 40 * DAY), {
      requestId: breakfast.request.id,
      actualCost: "4,650",
      claimed: "2,000",
      leadsProduced: 11,
      notes: "Attendance list and photos attached.",
      leadIds: [],
      proofs: proofFiles("Montreal IT leaders breakfast"),
      invoice: invoiceFile("Montreal IT leaders breakfast", "MTL-0092"),
    });
    await approveClaim(at(decider, prevStart + 45 * DAY), {
      claimId: claim.id,
      amount: "1,900",
      note: "Catering above the per-guest limit is not covered; the rest is.",
    });
  }

  // Rimal: a case-study video withdrawn last quarter, and this quarter's GITEX side event approved.
  const video = await ask("Rimal Consulting", prevStart + 5 * DAY, {
    campaignName: "Arabic customer case-study video",
    activityType: "content",
    startsOn: day(prevStart + 25 * DAY),
    endsOn: day(prevStart + 45 * DAY),
    totalCost: "6,000",
    requested: "3,000",
    expectedLeads: 10,
  });
  if (video) await cancelRequest(at(video.owner, prevStart + 8 * DAY), { requestId: video.request.id });
  const gitex = await ask("Rimal Consulting", now - 3 * DAY, {
    campaignName: "GITEX side event: analytics for retail",
    activityType: "event",
    description: "An evening session for retail CIOs during GITEX week.",
    startsOn: day(soon(5)),
    endsOn: day(soon(6)),
    totalCost: "11,000",
    requested: "5,500",
    expectedLeads: 35,
    expectedPipeline: "300,000",
  });
  if (gitex)
    await approveRequest(at(decider, now - 2 * DAY), { requestId: gitex.request.id, amount: "5,000", note: "" });

  // This quarter's open and rejected requests.
  await ask("Northwind Analytics", now - 2 * DAY, {
    campaignName: "LinkedIn retargeting push",
    activityType: "digital_ads",
    description: "Six weeks of retargeting ads to visitors of the joint solution page.",
    startsOn: day(soon(3)),
    endsOn: day(soon(45)),
    totalCost: "8,000",
    requested: "4,000",
    expectedLeads: 30,
    expectedPipeline: "180,000",
  });
  await ask("Cobalt Cloud Partners", now - DAY, {
    campaignName: "Kubernetes hands-on workshop day",
    activityType: "training",
    startsOn: day(soon(10)),
    endsOn: day(soon(10)),
    totalCost: "9,500",
    requested: "8,000",
    expectedLeads: 25,
    expectedPipeline: "250,000",
  });
  const newsletter = await ask("Cobalt Cloud Partners", now - 4 * DAY, {
    campaignName: "Partner newsletter sponsorship",
    activityType: "email_campaign",
    startsOn: day(soon(7)),
    endsOn: day(soon(21)),
    totalCost: "3,000",
    requested: "3,000",
    expectedLeads: 8,
  });
  if (newsletter)
    await rejectRequest(at(decider, now - 3 * DAY), {
      requestId: newsletter.request.id,
      reason: "MDF covers up to half of a campaign's cost: ask again for 1,500 or less.",
    });

  await tx.delete(emailOutbox).where(and(like(emailOutbox.template, "mdf%"), eq(emailOutbox.status, "queued")));
}
