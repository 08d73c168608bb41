import type { PgBoss } from "pg-boss";
import type { Database } from "@/server/db/client";
import { appClock } from "@/server/time";
import { SYSTEM, type SystemActor } from "@/server/domains/actor";
import type { ServiceCtx } from "@/server/domains/context";
import { runLeadLifecycle } from "@/server/domains/leads/lifecycle";
import { releaseDueEntries } from "@/server/domains/commissions/engine";
import { recomputeAllTiers } from "@/server/domains/commissions/tiers";
import { runCertificationExpiry } from "@/server/domains/training/expiry";
import { executeApprovedRuns } from "@/server/domains/payouts/executor";
import { reconcileRecentRuns } from "@/server/domains/payouts/reconcile";
import { createScheduledRun } from "@/server/domains/payouts/runs";
import { deliverDueEmails } from "@/server/integrations/email/outbox";
import { configuredTransport } from "@/server/integrations/email/transport";
import { createBoss } from "./boss";
import { installJobSchema } from "./install";
import { QUEUES } from "./queues";

const holder = globalThis as unknown as { __tierwiseBoss?: PgBoss };

function targetOf(database: Database) {
  return database.kind === "embedded"
    ? ({ kind: "embedded", pglite: database.pglite! } as const)
    : ({ kind: "server", url: database.url! } as const);
}

/** Starts the queue and its workers in this process (the web server or `npm run worker`). */
export async function startJobs(database: Database): Promise<PgBoss> {
  if (holder.__tierwiseBoss) return holder.__tierwiseBoss;
  await installJobSchema(targetOf(database));
  const boss = createBoss(targetOf(database), { supervise: true, schedule: true });
  await boss.start();
  const transport = await configuredTransport();
  // Jobs act as the system, at the app's clock.
  const system: ServiceCtx<SystemActor> = { db: database.db, actor: SYSTEM, clock: appClock };
  await boss.work(QUEUES.emailOutbox.name, { pollingIntervalSeconds: 2 }, async () => {
    await deliverDueEmails(database.db, transport, appClock);
  });
  await boss.schedule(QUEUES.emailOutbox.name, "* * * * *");
  await boss.work(QUEUES.leadLifecycle.name, { pollingIntervalSeconds: 30 }, async () => {
    await runLeadLifecycle(system);
    await nudge(QUEUES.emailOutbox.name);
  });
  await boss.schedule(QUEUES.leadLifecycle.name, "7 * * * *");
  await boss.work(QUEUES.commissionRelease.name, { pollingIntervalSeconds: 30 }, async () => {
    await releaseDueEntries(system);
  });
  await boss.schedule(QUEUES.commissionRelease.name, "*/15 * * * *");
  await boss.work(QUEUES.tierRecompute.name, { pollingIntervalSeconds: 60 }, async () => {
    await recomputeAllTiers(system);
    await nudge(QUEUES.emailOutbox.name);
  });
  await boss.schedule(QUEUES.tierRecompute.name, "30 2 * * *");
  await boss.work(QUEUES.certificationExpiry.name, { pollingIntervalSeconds: 60 }, async () => {
    await runCertificationExpiry(system);
    await nudge(QUEUES.emailOutbox.name);
  });
  await boss.schedule(QUEUES.certificationExpiry.name, "10 2 * * *");
  await boss.work(QUEUES.payoutExecute.name, { pollingIntervalSeconds: 2 }, async () => {
    await executeApprovedRuns(system);
    await nudge(QUEUES.emailOutbox.name);
  });
  await boss.schedule(QUEUES.payoutExecute.name, "* * * * *");
  await boss.work(QUEUES.payoutReconcile.name, { pollingIntervalSeconds: 30 }, async () => {
    await reconcileRecentRuns(system);
    await nudge(QUEUES.emailOutbox.name);
  });
  await boss.schedule(QUEUES.payoutReconcile.name, "*/10 * * * *");
  await boss.work(QUEUES.payoutSchedule.name, { pollingIntervalSeconds: 60 }, async () => {
    await createScheduledRun(system);
  });
  await boss.schedule(QUEUES.payoutSchedule.name, "15 6 * * *");
  holder.__tierwiseBoss = boss;
  // A worker that stopped mid-run (a crash, a deploy) left payouts processing: pick them up now.
  await nudge(QUEUES.payoutExecute.name);
  return boss;
}

/** Asks the workers to run a queue now rather than at its next scheduled minute. */
export async function nudge(queue: string): Promise<void> {
  const boss = holder.__tierwiseBoss;
  if (!boss) return; // the scheduled run picks the work up
  await boss.send(queue, null, { singletonKey: queue, singletonSeconds: 1 }).catch(() => {});
}

/** Asks the payout executor to send approved runs' queued payouts now (after an approval or a retry). */
export function requestPayoutExecution(): Promise<void> {
  return nudge(QUEUES.payoutExecute.name);
}

export async function stopJobs(): Promise<void> {
  const boss = holder.__tierwiseBoss;
  holder.__tierwiseBoss = undefined;
  if (boss) await boss.stop({ graceful: true, timeout: 10_000 });
}
