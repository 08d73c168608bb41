import { z } from "zod";
import type { SystemActor } from "../actor";
import type { ServiceCtx } from "../context";

/** What became of a stored event: acted on, refused or irrelevant (with why), or to be retried. */
export type StripeEventOutcome = "handled" | "ignored" | "failed";

/** The parts of a Stripe event we read; everything else is kept as received. */
export const stripeEventInput = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  /** Connect events name the connected account they are about. */
  account: z.string().max(255).nullish(),
  data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventInput = z.infer<typeof stripeEventInput>;

export interface HandlerResult {
  outcome: Exclude<StripeEventOutcome, "failed">;
  note: string;
}

/** One event type's handler; it runs in the transaction that records the outcome. */
export type StripeEventHandler = (ctx: ServiceCtx<SystemActor>, event: StripeEventInput) => Promise<HandlerResult>;

export const handled = (note: string): HandlerResult => ({ outcome: "handled", note });
export const ignored = (note: string): HandlerResult => ({ outcome: "ignored", note });

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stripe's unix seconds as a Date. */
export const fromUnix = (seconds: number): Date => new Date(seconds * 1000);
