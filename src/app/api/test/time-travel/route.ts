import { DAY } from "@/lib/clock";
import { getDb } from "@/server/db/client";
import { SYSTEM } from "@/server/domains/actor";
import { releaseDueEntries } from "@/server/domains/commissions/engine";
import { recomputeAllTiers } from "@/server/domains/commissions/tiers";
import { runCertificationExpiry } from "@/server/domains/training/expiry";
import { appClock, resetTravel, timeTravelEnabled, travelForward } from "@/server/time";

/**
 * End-to-end tests only (TIME_TRAVEL=true, never in production): moves the app's clock forward
 * by `days` and runs the hold-release job at the new time, as its schedule would; with
 * `tiers: true` also the nightly tier run (promotions, and on a review day the review), which
 * moves every partner the numbers call for, not just the spec's; with `certifications: true` first
 * the daily certification job (reminders, expiries and their tier rechecks). `reset` returns to the
 * system's time so the specs that follow see the real date.
 */
export async function POST(request: Request) {
  if (!timeTravelEnabled()) return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => ({}))) as {
    days?: unknown;
    reset?: unknown;
    tiers?: unknown;
    certifications?: unknown;
  };
  if (body.reset === true) {
    resetTravel();
    return Response.json({ now: appClock.now().toISOString(), released: 0, tierChanges: 0 });
  }
  const days =
    typeof body.days === "number" && Number.isInteger(body.days) && body.days > 0 && body.days <= 3650
      ? body.days
      : null;
  if (days === null) return Response.json({ error: "days must be a whole number from 1 to 3650" }, { status: 400 });
  travelForward(days * DAY);
  const ctx = { db: await getDb(), actor: SYSTEM, clock: appClock };
  const released = await releaseDueEntries(ctx);
  const certifications = body.certifications === true ? await runCertificationExpiry(ctx) : null;
  const tierChanges = body.tiers === true ? await recomputeAllTiers(ctx) : 0;
  return Response.json({ now: appClock.now().toISOString(), released, tierChanges, certifications });
}
