import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { findControlCharacters } from "@/lib/control-characters";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";
import type { Locale } from "@/i18n/config";
import { SYSTEM, type Actor, type PartnerActor, type StaffActor, type StaffRole } from "@/server/domains/actor";
import type { AnyActor, ServiceCtx } from "@/server/domains/context";
import { DomainError, InvalidError } from "@/server/domains/errors";
import { hasAcceptedCurrentTerms } from "@/server/domains/partners/terms";
import { trackEnqueuedEmails } from "@/server/integrations/email/outbox";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { describeError, toTRPCError } from "./errors";

export interface Context {
  db: Db;
  actor: Actor | null;
  clock: Clock;
  locale: Locale;
  ip: string;
  /** The caller's own session cookie, where the transport can set one (the API route only). */
  session?: SessionControl;
  /**
   * Whether the caller accepted the current terms, asked once per request however many partner
   * procedures it calls (a page render calls several); absent, each procedure asks the database.
   */
  termsAccepted?: () => Promise<boolean>;
}

export interface SessionControl {
  /** Re-issues this session at the user's new session version, so it stays signed in. */
  reissue(sessionVersion: number): Promise<void>;
}

/** Who may call a procedure; the router-wide access test reads it from every procedure. */
export type AccessMeta =
  | { access: "public" }
  | { access: "user" }
  | { access: "partner"; partnerRoles?: readonly ("owner" | "member")[] }
  | { access: "staff"; roles: readonly StaffRole[] };

const t = initTRPC
  .context<Context>()
  .meta<AccessMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const { message, data } = describeError(error, ctx?.locale ?? "en");
      // Internal errors keep their detail in the server log, not in the response.
      return { ...shape, message, data: { ...shape.data, stack: undefined, ...data } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown anywhere below become tRPC errors with translated messages. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

/**
 * No input anywhere may carry control characters (NUL cannot even be stored): refused here,
 * once for every procedure, as a field error on the field that holds one.
 */
const refuseControlCharacters = t.middleware(async ({ getRawInput, next }) => {
  const path = findControlCharacters(await getRawInput());
  if (path) throw new InvalidError("validation.controlCharacters", path.join(".") || "_form");
  return next();
});

/**
 * A mutation that wrote email to the outbox asks the outbox job to deliver now, after its
 * transaction committed (services commit before they return), instead of at the next minute.
 */
const deliverEmailsAfterCommit = t.middleware(async ({ type, next }) => {
  if (type !== "mutation") return next();
  const { result, emails } = await trackEnqueuedEmails(() => next());
  if (result.ok && emails > 0) await nudge(QUEUES.emailOutbox.name);
  return result;
});

const base = t.procedure.use(mapDomainErrors).use(refuseControlCharacters).use(deliverEmailsAfterCommit);

/** The service context of a call: who acts (the caller, or the system for anonymous calls), the database and the clock. */
function serviceOf<A extends AnyActor>(ctx: Context, actor: A): ServiceCtx<A> {
  return { db: ctx.db, actor, clock: ctx.clock };
}

/** Anyone; services act as the system on an anonymous caller's behalf (an application, a reset). */
export const publicProcedure = base
  .meta({ access: "public" })
  .use(({ ctx, next }) => next({ ctx: { ...ctx, service: serviceOf<AnyActor>(ctx, ctx.actor ?? SYSTEM) } }));

/** Any signed-in user (partner or staff): their own account. */
export const userProcedure = base.meta({ access: "user" }).use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { ...ctx, actor: ctx.actor, service: serviceOf(ctx, ctx.actor) } });
});

/** Partner users; ctx.actor.partnerId is their organization (never taken from input). */
export function partnerProcedure(...partnerRoles: ("owner" | "member")[]) {
  return base.meta({ access: "partner", partnerRoles }).use(async ({ ctx, next, type }) => {
    if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED" });
    if (ctx.actor.kind !== "partner") throw new TRPCError({ code: "FORBIDDEN" });
    if (partnerRoles.length > 0 && !partnerRoles.includes(ctx.actor.partnerRole))
      throw new TRPCError({ code: "FORBIDDEN" });
    // The portal is used under the current program terms, and a suspended partner only reads.
    const accepted = ctx.termsAccepted
      ? await ctx.termsAccepted()
      : await hasAcceptedCurrentTerms(ctx.db, ctx.actor.userId);
    if (!accepted) throw new DomainError("forbidden", "terms.notAccepted");
    if (type === "mutation" && ctx.actor.partnerStatus !== "active")
      throw new DomainError("forbidden", "partner.suspended");
    const actor = ctx.actor as PartnerActor;
    return next({ ctx: { ...ctx, actor, service: serviceOf(ctx, actor) } });
  });
}

/** Staff in one of the given roles (admins may do everything). */
export function staffProcedure(...roles: StaffRole[]) {
  const allowed: readonly StaffRole[] = roles.includes("admin") ? roles : [...roles, "admin"];
  return base.meta({ access: "staff", roles: allowed }).use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED" });
    if (ctx.actor.kind !== "staff" || !allowed.includes(ctx.actor.staffRole))
      throw new TRPCError({ code: "FORBIDDEN" });
    const actor = ctx.actor as StaffActor;
    return next({ ctx: { ...ctx, actor, service: serviceOf(ctx, actor) } });
  });
}
