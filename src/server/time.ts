import type { Clock } from "@/lib/clock";
import { env } from "@/lib/env";

const state = globalThis as unknown as { __tierwiseTimeOffsetMs?: number };

/** Only the end-to-end server turns this on (TIME_TRAVEL=true): production time is the system's. */
export function timeTravelEnabled(): boolean {
  return env().TIME_TRAVEL === "true";
}

/**
 * "Now" for requests and jobs: the system clock, shifted forward only when time travel is
 * enabled, so end-to-end tests can watch a hold period pass.
 */
export const appClock: Clock = {
  now: () => new Date(Date.now() + (timeTravelEnabled() ? (state.__tierwiseTimeOffsetMs ?? 0) : 0)),
};

export function travelForward(ms: number): void {
  if (!timeTravelEnabled()) throw new Error("time travel is disabled");
  state.__tierwiseTimeOffsetMs = (state.__tierwiseTimeOffsetMs ?? 0) + ms;
}

/** Back to the system's time (after a test that travelled). */
export function resetTravel(): void {
  state.__tierwiseTimeOffsetMs = 0;
}
