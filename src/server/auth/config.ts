import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "./session-age";
import { rememberedDecode } from "./session-token";
import type { Locale } from "@/i18n/config";
import type { PartnerRole, StaffRole } from "@/server/domains/actor";

/** The claims a session carries; the server re-reads the user on each request for decisions. */
export interface SessionClaims {
  id: string;
  name: string;
  email: string;
  kind: "staff" | "partner";
  staffRole: StaffRole | null;
  partnerRole: PartnerRole | null;
  partnerId: string | null;
  locale: Locale | null;
  /** The user's session version when this session was issued; a raised version signs it out. */
  sessionVersion: number;
}

declare module "next-auth" {
  interface Session {
    user: SessionClaims;
    /**
     * Only ever passed to unstable_update on the server: the proof that lets the jwt callback
     * carry this session over a version raise. Never part of a session sent to the browser.
     */
    handover?: string;
  }
}

export { SESSION_MAX_AGE_SECONDS };

/** The part of the configuration the proxy needs too: no database, no providers. */
export const baseAuthConfig = {
  pages: { signIn: "/login", error: "/login", verifyRequest: "/login/check-email" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The proxy and the page decode the same token on one request: the second is remembered.
  jwt: { decode: rememberedDecode },
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      const claims = token.claims as SessionClaims | undefined;
      // Whitelist: only these fields leave the server in /api/auth/session.
      if (claims) session.user = { ...claims } as typeof session.user;
      return session;
    },
  },
} satisfies NextAuthConfig;
