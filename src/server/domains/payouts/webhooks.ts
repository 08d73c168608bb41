import { eq } from "drizzle-orm";
import { stripeEvents } from "@/server/db/schema";
import type { SystemActor } from "../actor";
import { withTransaction, type ServiceCtx } from "../context";
import { DomainError } from "../errors";
import { onAccountUpdated } from "./webhook-account";
import {
  ignored,
  type HandlerResult,
  type StripeEventHandler,
  type StripeEventInput,
  type StripeEventOutcome,
} from "./webhook-handler";
import { onTransferCreated, onTransferReversed } from "./webhook-transfers";

export { stripeEventInput, type StripeEventInput, type StripeEventOutcome } from "./webhook-handler";

/** One handler per event type we act on; every other type is stored and acknowledged. */
const HANDLERS: Record<string, StripeEventHandler> = {
  "account.updated": onAccountUpdated,
  "transfer.created": onTransferCreated,
  "transfer.reversed": onTransferReversed,
  "transfer.updated": onTransferReversed,
};

export interface ReceivedStripeEvent {
  /** True when the event was already handled: nothing was done this time. */
  duplicate: boolean;
  outcome: StripeEventOutcome;
  note: string | null;
}

/** Refusals on business grounds: retrying will not change the answer, so Stripe is told 2xx. */
function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && ["conflict", "not_found", "invalid"].includes(error.kind);
}

const NOTE_MAX = 1000;

/**
 * Stores a verified Stripe event by its id and handles it once. The row is locked while it is
 * handled, so concurrent deliveries of one event wait and then see it done. The handler runs in a
 * savepoint: a refusal or a failure undoes its writes but not the event's row, which records the
 * outcome and why. A failed event is handled again on its next delivery; a handled or ignored one
 * is a duplicate and changes nothing.
 */
export async function receiveStripeEvent(
  ctx: ServiceCtx<SystemActor>,
  event: StripeEventInput,
): Promise<ReceivedStripeEvent> {
  const { clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    await tx
      .insert(stripeEvents)
      .values({ eventId: event.id, type: event.type, account: event.account ?? null, payload: event })
      .onConflictDoNothing({ target: stripeEvents.eventId });
    const [stored] = await tx.select().from(stripeEvents).where(eq(stripeEvents.eventId, event.id)).for("update");
    if (stored!.handledAt)
      return { duplicate: true, outcome: (stored!.outcome ?? "handled") as StripeEventOutcome, note: stored!.note };

    const handler = HANDLERS[event.type];
    let result: HandlerResult | { outcome: "failed"; note: string };
    try {
      result = handler
        ? await tx.transaction((savepoint) => handler({ ...inner, db: savepoint }, event))
        : ignored(`no handler for ${event.type}`);
    } catch (error) {
      if (isRefusal(error)) result = ignored(`refused: ${error.code}`);
      else {
        console.error(`[stripe webhook] ${event.type} ${event.id} failed`, error);
        result = { outcome: "failed", note: `error: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    const note = result.note.slice(0, NOTE_MAX);
    // A failed event stays unhandled (handled_at null), so the next delivery handles it.
    await tx
      .update(stripeEvents)
      .set({ outcome: result.outcome, note, handledAt: result.outcome === "failed" ? null : clock.now() })
      .where(eq(stripeEvents.eventId, event.id));
    return { duplicate: false, outcome: result.outcome, note };
  });
}
