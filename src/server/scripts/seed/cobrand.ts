import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";

/** The demo co-branded template and every active partner's default referral link (filled by the co-branding work). */
export async function seedDemoCobrand(_tx: Db, _clock: Clock, _authorId: string | null): Promise<void> {}
