import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/server/domains/errors";
import { nudge } from "@/server/jobs/runtime";
import { QUEUES } from "@/server/jobs/queues";
import { loadActor } from "./actor";
import { tierwiseAdapter } from "./adapter";
import { baseAuthConfig } from "./config";
import { normalizeEmail } from "@/lib/email";
import { verifyCredentials } from "@/server/security/credentials";
import { authSecret } from "./secret";
import { endSession, refreshSessionToken, sessionHandover } from "./session";
import { sendSignInLink } from "./sign-in-link";
import { clientIp } from "@/server/security/client-address";

/** The codes a sign-in form can show (auth.signInError.<code>). */
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "rate_limited", minutes?: number) {
    super();
    this.code = minutes ? `${code}:${minutes}` : code;
  }
}

const credentialsInput = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

export const SIGN_IN_LINK_TTL_SECONDS = 24 * 60 * 60;

function emailProvider(db: Db): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    maxAge: SIGN_IN_LINK_TTL_SECONDS,
    normalizeIdentifier: normalizeEmail,
    async sendVerificationRequest({ identifier, url }) {
      await sendSignInLink(db, { identifier, url }, systemClock);
      await nudge(QUEUES.emailOutbox.name);
    },
    options: {},
  };
}

async function fullConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const secret = authSecret();
  return {
    ...baseAuthConfig,
    secret,
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
      jwt({ token, user, trigger, session }) {
        return refreshSessionToken(db, { token, user, trigger, session }, { secret, now: systemClock.now() });
      },
    },
    events: {
      async signOut(message) {
        if ("token" in message) await endSession(db, message.token, systemClock.now());
      },
    },
  };
}

export const { handlers, signIn, signOut, unstable_update } = NextAuth(fullConfig);

/**
 * Keeps the session making this request signed in across a session-version raise it caused
 * itself (a password change): its cookie is re-issued at the new version, while every other
 * session stays stale. Needs a request that may set cookies (a route handler or server action).
 */
export async function reissueSession(userId: string, sessionVersion: number): Promise<void> {
  await unstable_update({ handover: sessionHandover(authSecret(), userId, sessionVersion, systemClock.now()) });
}
