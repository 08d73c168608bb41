import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import { systemClock, MINUTE } from "@/lib/clock";
import { DomainError } from "@/server/domains/errors";
import type { Actor } from "@/server/domains/actor";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { loadActor } from "./actor";
import { tierwiseAdapter } from "./adapter";
import { baseAuthConfig, type SessionClaims } from "./config";
import { normalizeEmail, verifyCredentials } from "./credentials";
import { hitRate } from "./rate-limit";
import { authSecret } from "./secret";
import { clientIp } from "./request";

/** The codes a sign-in form can show (auth.signInError.<code>). */
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "rate_limited", minutes?: number) {
    super();
    this.code = minutes ? `${code}:${minutes}` : code;
  }
}

const credentialsInput = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

export const SIGN_IN_LINK_TTL_SECONDS = 24 * 60 * 60;

export function claimsOf(actor: Actor): SessionClaims {
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    kind: actor.kind,
    staffRole: actor.kind === "staff" ? actor.staffRole : null,
    partnerRole: actor.kind === "partner" ? actor.partnerRole : null,
    partnerId: actor.kind === "partner" ? actor.partnerId : null,
    locale: actor.locale,
  };
}

function emailProvider(db: Db): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    maxAge: SIGN_IN_LINK_TTL_SECONDS,
    normalizeIdentifier: normalizeEmail,
    async sendVerificationRequest({ identifier, url }) {
      const [user] = await db.query.users.findMany({ where: (u, { eq }) => eq(u.email, identifier), limit: 1 });
      // Unknown or deactivated addresses get no email; the page says the same either way.
      if (!user || user.deactivatedAt) return;
      const state = await hitRate(db, `signin-link:${identifier}`, { limit: 5, windowMs: 15 * MINUTE }, systemClock);
      if (state.limited) return;
      await enqueueEmail(db, { to: identifier, locale: user.locale ?? "en", template: "signInLink", params: { url } }, systemClock);
      await nudge(QUEUES.emailOutbox.name);
    },
    options: {},
  };
}

async function fullConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    ...baseAuthConfig,
    secret: authSecret(),
    adapter: tierwiseAdapter(db),
    logger: {
      // A refused password is an expected outcome, already rate-limited and answered on the form.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) throw new SignInRefused("invalid");
          try {
            const userId = await verifyCredentials(db, { ...parsed.data, ip: clientIp(request.headers) }, systemClock);
            const actor = await loadActor(db, userId);
            if (!actor) throw new SignInRefused("invalid");
            return { id: actor.userId, email: actor.email, name: actor.name };
          } catch (error) {
            if (error instanceof DomainError && error.kind === "rate_limited") {
              throw new SignInRefused("rate_limited", Number(error.params?.minutes ?? 15));
            }
            if (error instanceof CredentialsSignin) throw error;
            if (error instanceof DomainError) throw new SignInRefused("invalid");
            throw error;
          }
        },
      }),
      emailProvider(db),
    ],
    callbacks: {
      ...baseAuthConfig.callbacks,
      async jwt({ token, user, trigger }) {
        const userId = user?.id ?? token.sub;
        if (userId && (user || trigger === "update" || !token.claims)) {
          const actor = await loadActor(db, userId);
          if (!actor) return null;
          token.sub = actor.userId;
          token.claims = claimsOf(actor);
        }
        return token;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(fullConfig);
