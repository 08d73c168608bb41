import { AsyncLocalStorage } from "node:async_hooks";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { emailOutbox } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Locale } from "@/i18n/config";
import type { Clock } from "@/lib/clock";
import { renderEmail, type EmailTemplateName, type EmailTemplates } from "./templates";
import type { EmailTransport } from "./transport";

export const MAX_EMAIL_ATTEMPTS = 6;

/** Set by `trackEnqueuedEmails` around one request: whether anything in it wrote to the outbox. */
const enqueued = new AsyncLocalStorage<{ emails: number }>();

/**
 * Runs `work` and tells whether it wrote any email to the outbox, so the caller (the tRPC
 * mutation middleware) can ask the outbox job to deliver right after the commit, in one place.
 */
export async function trackEnqueuedEmails<T>(work: () => Promise<T>): Promise<{ result: T; emails: number }> {
  const store = { emails: 0 };
  const result = await enqueued.run(store, work);
  return { result, emails: store.emails };
}

function noteQueued(count: number) {
  const store = enqueued.getStore();
  if (store) store.emails += count;
}

/** Writes an email to the outbox in the caller's transaction; the outbox job delivers it. */
export async function enqueueEmail<T extends EmailTemplateName>(
  tx: Db,
  email: { to: string; locale: Locale; template: T; params: EmailTemplates[T] },
  clock: Clock,
): Promise<string> {
  const rendered = renderEmail(email.template, email.locale, email.params);
  const now = clock.now();
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      to: email.to,
      locale: email.locale,
      template: email.template,
      ...rendered,
      createdAt: now,
      nextAttemptAt: now,
    })
    .returning({ id: emailOutbox.id });
  noteQueued(1);
  return row!.id;
}

/** Backoff between attempts: 1, 2, 4, 8, 16 minutes. */
function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Delivers the emails that are due. Safe to run twice at once: rows are claimed with
 * SKIP LOCKED, and a row leaves "queued" only once.
 */
export async function deliverDueEmails(db: Db, transport: EmailTransport, clock: Clock, batch = 20): Promise<number> {
  let delivered = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, "queued"), lte(emailOutbox.nextAttemptAt, clock.now())))
        .orderBy(asc(emailOutbox.createdAt))
        .limit(batch)
        .for("update", { skipLocked: true });
      for (const email of due) {
        const attempts = email.attempts + 1;
        try {
          const outcome = await transport.send({
            to: email.to,
            subject: email.subject,
            text: email.text,
            html: email.html,
          });
          await tx
            .update(emailOutbox)
            .set({ status: outcome, attempts, sentAt: clock.now(), lastError: null })
            .where(eq(emailOutbox.id, email.id));
          delivered++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await tx
            .update(emailOutbox)
            .set({
              attempts,
              lastError: message.slice(0, 1000),
              status: attempts >= MAX_EMAIL_ATTEMPTS ? "failed" : "queued",
              nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(attempts)),
            })
            .where(eq(emailOutbox.id, email.id));
        }
      }
      return due.length < batch;
    });
    if (done) return delivered;
  }
}

/** Puts failed emails back in the queue (admin action). */
export async function requeueEmails(db: Db, ids: string[], clock: Clock): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ status: "queued", attempts: sql`0`, nextAttemptAt: clock.now() })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "failed")));
  noteQueued(ids.length);
}
