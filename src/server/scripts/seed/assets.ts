import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";

/** The demo asset library: files and links at several tiers (filled by the assets work). */
export async function seedDemoAssets(_tx: Db, _clock: Clock, _authorId: string | null): Promise<void> {}
