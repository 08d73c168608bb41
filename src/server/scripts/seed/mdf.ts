import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";

/** The demo MDF budgets, requests and claims in every state (filled by the MDF work). */
export async function seedDemoMdf(_tx: Db, _clock: Clock, _managerId: string | null): Promise<void> {}
