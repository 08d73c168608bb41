import type { PartnerActor, StaffActor, SystemActor } from "../actor";
import { ForbiddenError } from "../errors";

/** Payout runs, payouts and bank files are finance's (and the admin's); routers declare it, services hold it. */
export function assertFinance(actor: StaffActor): void {
  if (actor.staffRole !== "finance" && actor.staffRole !== "admin") throw new ForbiddenError("payout.financeOnly");
}

/** Who moves a payout along: the executor (a job, as the system) or finance. */
export type PayoutOperator = StaffActor | SystemActor;

export function assertOperator(actor: PayoutOperator): void {
  if (actor.kind === "staff") assertFinance(actor);
}

/** Payout settings are the owner's: a member sees earnings but never where the money goes. */
export function assertOwner(actor: PartnerActor): void {
  if (actor.partnerRole !== "owner") throw new ForbiddenError("payoutAccount.ownerOnly");
}
