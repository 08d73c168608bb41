import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "@/lib/clock";
import { messagesByLocale } from "@/i18n/config";
import { emailOutbox } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { deliverDueEmails, enqueueEmail, MAX_EMAIL_ATTEMPTS, requeueEmails, trackEnqueuedEmails } from "./outbox";
import type { EmailTransport, OutgoingEmail } from "./transport";

const p = await setupProgram();
const { db, clock } = p;

/** An in-memory transport: records what it sends; any address containing "bounce" fails. */
function fakeTransport() {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    async send(email) {
      if (email.to.includes("bounce")) throw new Error(`550 mailbox unavailable: ${email.to}`);
      sent.push(email);
      return "sent";
    },
  };
  return { transport, sent, sentTo: (to: string) => sent.filter((e) => e.to === to).length };
}

let seq = 0;
async function queue(kind: "ok" | "bounce" = "ok") {
  const to = `${kind}-${++seq}@example.test`;
  const id = await enqueueEmail(
    db,
    { to, locale: "en", template: "signInLink", params: { url: "https://app.test/x" } },
    clock,
  );
  return { id, to };
}

async function row(id: string) {
  const [found] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return found!;
}

describe("deliverDueEmails", () => {
  it("sends a queued email and records it as sent", async () => {
    const { id, to } = await queue();
    const fake = fakeTransport();
    expect(await deliverDueEmails(db, fake.transport, clock)).toBe(1);
    expect(fake.sent).toEqual([expect.objectContaining({ to, subject: messagesByLocale.en.mail.signInLink.subject })]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, sentAt: clock.now(), lastError: null });
  });

  it("sends each email once: a second run delivers nothing", async () => {
    const a = await queue();
    const b = await queue();
    const fake = fakeTransport();
    expect(await deliverDueEmails(db, fake.transport, clock)).toBe(2);
    expect(await deliverDueEmails(db, fake.transport, clock)).toBe(0);
    expect([fake.sentTo(a.to), fake.sentTo(b.to)]).toEqual([1, 1]);
  });

  it("keeps going until every due email is sent, batch after batch", async () => {
    const emails = await Promise.all(Array.from({ length: 5 }, () => queue()));
    const fake = fakeTransport();
    expect(await deliverDueEmails(db, fake.transport, clock, 2)).toBe(5);
    expect(emails.map((e) => fake.sentTo(e.to))).toEqual([1, 1, 1, 1, 1]);
  });

  it("leaves a failed send queued with attempts 1, the error, and a retry time in the future", async () => {
    const { id } = await queue("bounce");
    await deliverDueEmails(db, fakeTransport().transport, clock);
    const after = await row(id);
    expect(after).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(after.lastError).toContain("550 mailbox unavailable");
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it("does not retry a failed email before its retry time", async () => {
    const { id } = await queue("bounce");
    await deliverDueEmails(db, fakeTransport().transport, clock);
    const { nextAttemptAt } = await row(id);

    clock.set(new Date(nextAttemptAt.getTime() - 1000));
    await deliverDueEmails(db, fakeTransport().transport, clock);
    expect((await row(id)).attempts).toBe(1);

    clock.set(nextAttemptAt);
    await deliverDueEmails(db, fakeTransport().transport, clock);
    expect((await row(id)).attempts).toBe(2);
  });

  it("backs off longer after each failure", async () => {
    const { id } = await queue("bounce");
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails(db, fakeTransport().transport, clock);
      const { nextAttemptAt } = await row(id);
      gaps.push(nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(nextAttemptAt);
    }
    expect(gaps).toEqual([1 * MINUTE, 2 * MINUTE, 4 * MINUTE]);
  });

  it(`marks an email failed after ${MAX_EMAIL_ATTEMPTS} failed attempts and stops trying`, async () => {
    const { id } = await queue("bounce");
    for (let i = 0; i < MAX_EMAIL_ATTEMPTS + 2; i++) {
      await deliverDueEmails(db, fakeTransport().transport, clock);
      clock.advance(HOUR);
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS });
  });
});

describe("requeueEmails", () => {
  async function failedEmail() {
    const email = await queue("bounce");
    for (let i = 0; i < MAX_EMAIL_ATTEMPTS; i++) {
      await deliverDueEmails(db, fakeTransport().transport, clock);
      clock.advance(HOUR);
    }
    expect((await row(email.id)).status).toBe("failed");
    return email;
  }

  it("puts a failed email back in the queue, due now, with its attempts reset", async () => {
    const { id } = await failedEmail();
    await requeueEmails(db, [id], clock);
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: clock.now() });
  });

  it("lets a requeued email be delivered once the transport works", async () => {
    const { id, to } = await failedEmail();
    await requeueEmails(db, [id], clock);
    const sent: string[] = [];
    const logging: EmailTransport = {
      async send(email) {
        sent.push(email.to);
        return "logged";
      },
    };
    await deliverDueEmails(db, logging, clock);
    expect(sent).toContain(to);
    expect(await row(id)).toMatchObject({ status: "logged", attempts: 1 });
  });

  it("leaves emails that are not failed alone", async () => {
    const { id } = await queue();
    await deliverDueEmails(db, fakeTransport().transport, clock);
    await requeueEmails(db, [id], clock);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("trackEnqueuedEmails", () => {
  it("counts what a unit of work wrote to the outbox, so the one tRPC middleware knows when to nudge", async () => {
    const none = await trackEnqueuedEmails(async () => "nothing queued");
    expect(none).toEqual({ result: "nothing queued", emails: 0 });
    const two = await trackEnqueuedEmails(async () => {
      await queue();
      await new Promise((resolve) => setTimeout(resolve, 1)); // still counted across awaits
      await queue();
      return "two";
    });
    expect(two).toEqual({ result: "two", emails: 2 });
    const failed = await queue("bounce");
    await db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, failed.id));
    expect((await trackEnqueuedEmails(() => requeueEmails(db, [failed.id], clock))).emails).toBe(1);
  });

  it("counts nothing outside a tracked unit and keeps concurrent units apart", async () => {
    await queue(); // untracked: no store, no error
    const [a, b] = await Promise.all([
      trackEnqueuedEmails(async () => {
        await queue();
      }),
      trackEnqueuedEmails(async () => {
        await queue();
        await queue();
        await queue();
      }),
    ]);
    expect([a.emails, b.emails]).toEqual([1, 3]);
  });
});

describe("trackEnqueuedEmails in a transaction", () => {
  it("counts email queued inside a transaction", async () => {
    const counted = await trackEnqueuedEmails(() =>
      db.transaction((tx) =>
        enqueueEmail(
          tx,
          { to: "tx@example.test", locale: "en", template: "signInLink", params: { url: "https://app.test/x" } },
          clock,
        ),
      ),
    );
    expect(counted.emails).toBe(1);
  });
});
