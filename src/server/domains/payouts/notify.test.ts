import { and, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/i18n/config";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { rolledBack } from "@/server/db/rollback";
import { emailOutbox, partners, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { setupProgram } from "@/server/testing/fixtures";
import { partnerIdByName } from "./fixtures";
import { failureReasonOf, queuePayoutEmail } from "./notify";

const { db, clock } = await setupProgram();
const rimal = await partnerIdByName(db, "Rimal Consulting"); // owner Omar reads Arabic
const northwind = await partnerIdByName(db, "Northwind Analytics"); // owner Olivia reads English
const at = clock.now();
const base = env().APP_URL.replace(/\/+$/, "");

/** The payout emails queued to these addresses (the seed queued others). */
async function queued(tx: Db, to: string[]) {
  return tx
    .select()
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.to, to), like(emailOutbox.template, "payout%")));
}

describe("queuePayoutEmail", () => {
  it("tells the owner a payout was sent, in their language, with the exact amount and both links", async () => {
    await rolledBack(db, async (tx) => {
      const payout = {
        id: "3f6c2a9e-1b2d-4c5e-8f90-a1b2c3d4e5f6",
        partnerId: rimal,
        amount: 1_234_567n,
        currency: "KWD",
      };
      await queuePayoutEmail(tx, payout, "sent", at);
      const [email, ...others] = await queued(tx, ["omar@rimal.demo"]);
      expect(others).toEqual([]);
      const mail = messagesByLocale.ar.mail.payoutSent;
      const amount = formatMoney(1_234_567n, "KWD", "ar");
      expect(amount).toContain("1,234.567");
      expect(email).toMatchObject({ locale: "ar", template: "payoutSent", status: "queued" });
      expect(email!.subject).toBe(mail.subject.replace("{amount}", amount));
      expect(email!.text).toContain(amount);
      expect(email!.text).toContain(new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "UTC" }).format(at));
      expect(email!.text).toContain(`${base}/api/payouts/${payout.id}/statement`);
      expect(email!.text).toContain(`${mail.action}: ${base}/payouts`);
      expect(email!.html).toContain('dir="rtl"');
    });
  });

  it("tells why a payout failed in plain words, and what to do, in English for an English owner", async () => {
    await rolledBack(db, async (tx) => {
      const payout = {
        id: "3f6c2a9e-1b2d-4c5e-8f90-a1b2c3d4e5f6",
        partnerId: northwind,
        amount: 877_500n,
        currency: "USD",
        failureCode: "account_closed",
        failureMessage: "No such destination: 'acct_123' (platform acct_platform_9)",
      };
      await queuePayoutEmail(tx, payout, "failed", at);
      const [email] = await queued(tx, ["olivia@northwind.demo"]);
      const mail = messagesByLocale.en.mail.payoutFailed;
      expect(email).toMatchObject({ locale: "en", template: "payoutFailed" });
      expect(email!.subject).toBe("Payout not sent: $8,775.00");
      expect(email!.text).toContain(mail.reasons.accountUnavailable);
      expect(email!.text).toContain("check your payout settings");
      expect(email!.text).toContain(`${mail.action}: ${base}/payouts`);
      // Stripe's own message is for finance, never the partner.
      expect(email!.text).not.toContain("acct_");
      // The member is not told; only owners (and the contact address) are.
      expect(await queued(tx, ["james@northwind.demo"])).toEqual([]);
    });
  });

  it("also writes to the organization's contact address, in the language of the account that has it", async () => {
    await rolledBack(db, async (tx) => {
      await tx.update(partners).set({ contactEmail: "Billing@Northwind.example" }).where(eq(partners.id, northwind));
      await queuePayoutEmail(
        tx,
        { id: crypto.randomUUID(), partnerId: northwind, amount: 100n, currency: "USD" },
        "sent",
        at,
      );
      const [contact] = await queued(tx, ["Billing@Northwind.example"]);
      expect(contact).toMatchObject({ locale: "en", template: "payoutSent" });
      // No name for an address: the greeting stays general.
      expect(contact!.text.startsWith(messagesByLocale.en.mail.greeting)).toBe(true);

      // The contact address of Rimal is Omar's own: he hears once, in Arabic.
      await queuePayoutEmail(
        tx,
        { id: crypto.randomUUID(), partnerId: rimal, amount: 100n, currency: "USD" },
        "sent",
        at,
      );
      expect((await queued(tx, ["omar@rimal.demo"])).map((e) => e.locale)).toEqual(["ar"]);

      // An address that belongs to an Arabic-speaking account is written to in Arabic.
      await tx.update(users).set({ locale: "ar" }).where(eq(users.email, "james@northwind.demo"));
      await tx.update(partners).set({ contactEmail: "james@northwind.demo" }).where(eq(partners.id, northwind));
      await queuePayoutEmail(
        tx,
        { id: crypto.randomUUID(), partnerId: northwind, amount: 100n, currency: "USD", failureCode: "weird_code" },
        "failed",
        at,
      );
      const [james] = await queued(tx, ["james@northwind.demo"]);
      expect(james).toMatchObject({ locale: "ar", template: "payoutFailed" });
      expect(james!.text).toContain(messagesByLocale.ar.mail.payoutFailed.reasons.other);
    });
  });

  it("is queued only if the caller's transaction commits", async () => {
    const payout = { id: crypto.randomUUID(), partnerId: rimal, amount: 4200n, currency: "USD" };
    await expect(
      db.transaction(async (tx) => {
        await queuePayoutEmail(tx, payout, "sent", at);
        expect(await queued(tx, ["omar@rimal.demo"])).toHaveLength(1);
        throw new Error("the payout's move failed");
      }),
    ).rejects.toThrow("the payout's move failed");
    expect(await queued(db, ["omar@rimal.demo"])).toEqual([]);
  });

  it("reads failure codes in plain words, anything unknown as a refusal", () => {
    expect(failureReasonOf("not_onboarded")).toBe("notOnboarded");
    expect(failureReasonOf("transfer_reversed")).toBe("reversed");
    expect(failureReasonOf("balance_insufficient")).toBe("programBalance");
    expect(failureReasonOf("idempotency_error")).toBe("other");
    expect(failureReasonOf(null)).toBe("other");
  });
});
