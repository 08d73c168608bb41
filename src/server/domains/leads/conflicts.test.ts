import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { fixedClock } from "@/lib/clock";
import { auditLog, emailOutbox, leads, programSettings } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { DomainError } from "../errors";
import type { PartnerActor, StaffActor } from "../actor";
import { addCustomer, addCustomerInput } from "../customers/service";
import { leadInput } from "./fields";
import { registerLead } from "./register";
import { approveLead } from "./review";

/**
 * The conflict rules, through registration, against the demo program: Cobalt holds an approved
 * (protected) lead for Vandelay Industries and a submitted one for Acme Corporation; Kestrel a
 * submitted one for Pied Piper; Northwind (the caller) its own open leads for Globex and Initech;
 * Cyberdyne is an imported customer, Massive Dynamic a customer from a won deal.
 */
const { db, clock, partnerOwner, actorByEmail, ctxOf } = await setupProgram();

type Outcome = { refused: string; field: string } | { accepted: true; flagged: boolean };

async function outcome(
  actor: PartnerActor,
  company: string,
  website: string,
  contactEmail?: string,
  at = clock,
): Promise<Outcome> {
  try {
    const lead = await registerLead(
      ctxOf(actor, at),
      await leadFor(db, company, website, contactEmail ? { contactEmail } : {}),
    );
    return { accepted: true, flagged: lead.flagged };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.code, field: error.field ?? "" };
    throw error;
  }
}

describe("conflict check on registration", () => {
  it.each<[string, string, string, string | undefined, Outcome]>([
    [
      "another partner's protected lead, same domain",
      "Vandelay Industries",
      "vandelay.example",
      undefined,
      { refused: "lead.conflict.protected", field: "website" },
    ],
    [
      "protected, domain written with scheme, www, path and case",
      "Vandelay",
      "https://WWW.Vandelay.example/pricing",
      undefined,
      { refused: "lead.conflict.protected", field: "website" },
    ],
    [
      "protected, same name with a legal suffix on another domain",
      "VANDELAY INDUSTRIES GmbH",
      "vandelay-imports.example",
      undefined,
      { refused: "lead.conflict.protected", field: "companyName" },
    ],
    [
      "an imported customer, by domain",
      "Cyberdyne",
      "cyberdyne.example",
      undefined,
      { refused: "lead.conflict.customer", field: "website" },
    ],
    [
      "an imported customer, by name",
      "Cyberdyne Systems, Inc.",
      "cyberdyne-robotics.example",
      undefined,
      { refused: "lead.conflict.customer", field: "companyName" },
    ],
    [
      "a customer from a won deal",
      "Massive Dynamic",
      "massivedynamic.example",
      undefined,
      { refused: "lead.conflict.customer", field: "website" },
    ],
    [
      "the partner's own website",
      "Northwind",
      "https://northwind-analytics.example/about",
      undefined,
      { refused: "lead.conflict.selfReferral", field: "website" },
    ],
    [
      "a contact at the partner's own domain",
      "Friendly Co",
      "friendly.example",
      "me@northwind-analytics.example",
      { refused: "lead.conflict.selfReferral", field: "website" },
    ],
    [
      "the registrant's company mailbox domain",
      "Northwind Demo",
      "northwind.demo",
      undefined,
      { refused: "lead.conflict.selfReferral", field: "website" },
    ],
    [
      "the partner's own open (approved) lead",
      "Initech, Inc.",
      "initech.example",
      undefined,
      { refused: "lead.conflict.duplicate", field: "website" },
    ],
    [
      "the partner's own open (submitted) lead, by name",
      "GLOBEX CORPORATION LTD",
      "globex-europe.example",
      undefined,
      { refused: "lead.conflict.duplicate", field: "companyName" },
    ],
    [
      "another partner's submitted lead: accepted, flagged",
      "Acme Corp",
      "https://acme.example",
      undefined,
      { accepted: true, flagged: true },
    ],
    [
      "another partner's submitted lead by name: accepted, flagged",
      "Pied Piper Inc.",
      "piedpiper.io",
      undefined,
      { accepted: true, flagged: true },
    ],
    [
      "another partner's expired lead: accepted",
      "Tyrell Corporation",
      "tyrell.example",
      undefined,
      { accepted: true, flagged: false },
    ],
    [
      "the partner's own rejected lead: accepted again",
      "Wayne Retail",
      "wayneretail.example",
      undefined,
      { accepted: true, flagged: false },
    ],
    ["a new company: accepted", "Hooli XYZ", "hooli-xyz.example", undefined, { accepted: true, flagged: false }],
  ])("%s", async (_case, company, website, contactEmail, expected) => {
    expect(await outcome(partnerOwner, company, website, contactEmail)).toEqual(expected);
  });

  it("lets anyone register the company once its protection window has passed", async () => {
    const later = fixedClock(new Date(clock.now().getTime() + 91 * DAY));
    expect(await outcome(partnerOwner, "Vandelay Industries", "vandelay.example", undefined, later)).toEqual({
      accepted: true,
      flagged: false,
    });
  });

  it("refuses a suspended partner", async () => {
    const suspended = (await actorByEmail("priya@saffron.demo")) as PartnerActor;
    expect(await outcome(suspended, "Brand New Ltd", "brandnew.example")).toEqual({
      refused: "partner.suspended",
      field: "",
    });
  });

  it("writes nothing for a refused registration", async () => {
    const count = async () => ({
      leads: (await db.select().from(leads)).length,
      emails: (await db.select().from(emailOutbox)).length,
      audit: (await db.select().from(auditLog)).length,
    });
    const before = await count();
    await outcome(partnerOwner, "Cyberdyne", "cyberdyne.example");
    expect(await count()).toEqual(before);
  });

  it("records the registration: timeline, confirmation email and audit", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Recorded Ltd", "recorded.example"));
    expect(lead).toMatchObject({
      status: "submitted",
      estimatedValueMinor: 1_250_000n,
      currency: "USD",
      domain: "recorded.example",
      normalizedName: "recorded",
    });
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "leadReceived"));
    expect(email?.to).toBe("olivia@northwind.demo");
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, lead.id));
    expect(entries.map((e) => e.action)).toEqual(["lead.registered"]);
  });
});

describe("field checks", () => {
  it.each([
    [{ estimatedValue: "12.345" }, "estimatedValue", "money.invalid"],
    [{ estimatedValue: "0" }, "estimatedValue", "money.positive"],
    [{ estimatedValue: "1000.5", currency: "JPY" }, "estimatedValue", "money.invalid"],
    // Above the one maximum (10^13 minor units): 5 × 10^13, 10^17, 2^63 minor units, 2^63 in major units.
    [{ estimatedValue: "500,000,000,000" }, "estimatedValue", "money.tooLarge"],
    [{ estimatedValue: "1000000000000000.00" }, "estimatedValue", "money.tooLarge"],
    [{ estimatedValue: "92233720368547758.08" }, "estimatedValue", "money.tooLarge"],
    [{ estimatedValue: "9223372036854775808" }, "estimatedValue", "money.tooLarge"],
    [{ estimatedValue: "9223372036854775808", currency: "JPY" }, "estimatedValue", "money.tooLarge"],
    [{ expectedCloseDate: "2026-10-01" }, "expectedCloseDate", "lead.closeDatePast"],
    [{ expectedCloseDate: "2032-01-01" }, "expectedCloseDate", "lead.closeDateTooFar"],
    [{ productId: "00000000-0000-4000-8000-000000000000" }, "productId", "lead.productUnknown"],
  ])("%j is refused on %s", async (override, field, code) => {
    await expect(
      registerLead(ctxOf(partnerOwner), await leadFor(db, "Fieldcheck", "fieldcheck.example", override)),
    ).rejects.toMatchObject({ field, code });
  });

  it("keeps amounts exact in the currency's minor units", async () => {
    const jpy = await registerLead(
      ctxOf(partnerOwner),
      await leadFor(db, "Yen Co", "yen.example", { estimatedValue: "1,500,000", currency: "JPY" }),
    );
    const kwd = await registerLead(
      ctxOf(partnerOwner),
      await leadFor(db, "Dinar Co", "dinar.example", { estimatedValue: "10.125", currency: "KWD" }),
    );
    expect([jpy.estimatedValueMinor, kwd.estimatedValueMinor]).toEqual([1_500_000n, 10_125n]);
  });
});

describe("daily limit", () => {
  it("refuses registrations beyond the program's limit in 24 hours, and allows them again after", async () => {
    await db.update(programSettings).set({ leadDailyLimit: 2 }).where(eq(programSettings.id, 1));
    const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
    const at = fixedClock(clock.now());
    await registerLead(ctxOf(kestrel, at), await leadFor(db, "Limit One", "limit-one.example"));
    await registerLead(ctxOf(kestrel, at), await leadFor(db, "Limit Two", "limit-two.example"));
    await expect(
      registerLead(ctxOf(kestrel, at), await leadFor(db, "Limit Three", "limit-three.example")),
    ).rejects.toMatchObject({ kind: "rate_limited", code: "lead.dailyLimit", params: { limit: 2 } });
    at.advance(DAY + 1);
    await expect(
      registerLead(ctxOf(kestrel, at), await leadFor(db, "Limit Three", "limit-three.example")),
    ).resolves.toMatchObject({ status: "submitted" });
  });
});

describe("invisible characters (zero-width, bidi controls, soft hyphen) hide nothing", () => {
  // The daily limit above is another test's business.
  beforeAll(() => db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1)));

  it("a domain written with a zero-width space conflicts with the domain without it", async () => {
    const manager = (await actorByEmail("manager@tierwise.demo")) as StaffActor;
    const cobalt = (await actorByEmail("lena@cobalt.demo")) as PartnerActor;
    const first = await registerLead(ctxOf(cobalt), await leadFor(db, "Example Holdings", "example.com"));
    await approveLead(ctxOf(manager), { leadId: first.id });
    expect(await outcome(partnerOwner, "Sample Buyer", "exa\u200Bmple.com", "dana@buyer.example")).toEqual({
      refused: "lead.conflict.protected",
      field: "website",
    });
  });

  it.each<[string, string, string, Outcome]>([
    [
      "a zero-width joiner in the domain",
      "Vandelay",
      "vandel\u200Day.example",
      { refused: "lead.conflict.protected", field: "website" },
    ],
    [
      "a right-to-left override before the domain",
      "Vandelay",
      "\u202Evandelay.example",
      { refused: "lead.conflict.protected", field: "website" },
    ],
    [
      "an isolate inside the domain",
      "Vandelay",
      "vande\u2066lay\u2069.example",
      { refused: "lead.conflict.protected", field: "website" },
    ],
    [
      "a zero-width space inside the name",
      "Vandel\u200Bay Industries",
      "vandelay-zw.example",
      { refused: "lead.conflict.protected", field: "companyName" },
    ],
    [
      "bidi overrides around and inside the name",
      "\u202EVande\u202Alay\u202C Indus\u2067tries\u2069",
      "vandelay-bidi.example",
      { refused: "lead.conflict.protected", field: "companyName" },
    ],
    [
      "a soft hyphen inside a customer's name",
      "Cyber\u00ADdyne Sys\u00ADtems",
      "cyberdyne-shy.example",
      { refused: "lead.conflict.customer", field: "companyName" },
    ],
    [
      "a byte-order mark inside a customer's name",
      "Cyber\uFEFFdyne Systems",
      "cyberdyne-bom.example",
      { refused: "lead.conflict.customer", field: "companyName" },
    ],
    [
      "a full-width name",
      "Ｖａｎｄｅｌａｙ Industries",
      "vandelay-wide.example",
      { refused: "lead.conflict.protected", field: "companyName" },
    ],
  ])("%s", async (_case, company, website, expected) => {
    expect(await outcome(partnerOwner, company, website, "dana@buyer.example")).toEqual(expected);
  });

  it("stores names and the website without the invisible characters", async () => {
    const typed = await leadFor(db, "Zero\u200B Width\u202E Ltd\u202C", "https://zero\u200Bwidth\u00AD.example", {
      contactName: "Da\u200Dna\u2066 Buyer",
      contactEmail: "dana@zerowidth.example",
    });
    const lead = await registerLead(ctxOf(partnerOwner), leadInput.parse(typed));
    expect(lead).toMatchObject({
      companyName: "Zero Width Ltd",
      website: "https://zerowidth.example",
      domain: "zerowidth.example",
      contactName: "Dana Buyer",
      normalizedName: "zero width",
    });
  });

  it("a customer added with invisible characters is stored clean and blocks the company", async () => {
    const admin = (await actorByEmail("admin@tierwise.demo")) as StaffActor;
    const customer = await addCustomer(
      ctxOf(admin),
      addCustomerInput.parse({ name: "Stark\u200B Indus\u202Etries", website: "stark\u200Dindustries.example" }),
    );
    expect(customer).toMatchObject({
      name: "Stark Industries",
      domain: "starkindustries.example",
      normalizedName: "stark industries",
    });
    expect(await outcome(partnerOwner, "Stark Industries", "starkindustries.example")).toEqual({
      refused: "lead.conflict.customer",
      field: "website",
    });
    await expect(
      addCustomer(
        ctxOf(admin),
        addCustomerInput.parse({ name: "Stark Again", website: "stark\u2066industries.example" }),
      ),
    ).rejects.toMatchObject({ code: "customer.exists", field: "website" });
  });
});
