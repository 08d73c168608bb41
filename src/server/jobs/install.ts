import { createBoss, type JobTarget } from "./boss";
import { QUEUES } from "./queues";

/** Creates pg-boss's schema and our queues (idempotent); part of migrating a database. */
export async function installJobSchema(target: JobTarget): Promise<void> {
  const boss = createBoss(target, { supervise: false, schedule: false });
  await boss.start();
  try {
    for (const queue of Object.values(QUEUES)) {
      const existing = await boss.getQueue(queue.name);
      if (!existing) await boss.createQueue(queue.name, queue.options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
