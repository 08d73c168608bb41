import { eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "@/lib/clock";
import { messagesByLocale } from "@/i18n/config";
import { emailOutbox, partnerMemberships, termsAcceptances, users } from "@/server/db/schema";
import type { Locale } from "@/i18n/config";
import { inviteMember } from "@/server/domains/partners/team";
import { currentTerms } from "@/server/domains/partners/terms";
import { setupProgram } from "@/server/testing/fixtures";

const env: { clock: Clock | null; locale: Locale } = { clock: null, locale: "en" };
const signIn = vi.fn();

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect:${url}`);
  }
}

vi.mock("@/lib/clock", async (original) => ({
  ...(await original<typeof import("@/lib/clock")>()),
  systemClock: { now: () => env.clock!.now() },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => env.locale,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: env.locale, messages: messagesByLocale[env.locale], namespace: namespace as never }),
}));
vi.mock("@/server/auth", () => ({ signIn: (...args: unknown[]) => signIn(...args) }));

const { db, clock, partnerOwner, ctxOf } = await setupProgram();
env.clock = clock;
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));
const terms = (await currentTerms(db))!;
const { acceptInvitationAction } = await import("./actions");

const initial = { fieldErrors: {}, message: null, signInFailed: false, name: "" };

async function invite(email: string): Promise<string> {
  await inviteMember(ctxOf(partnerOwner), { email, role: "member" });
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
  return /\/invite\/([\w-]+)/.exec(mail!.text)![1]!;
}

function form(values: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) data.set(key, value);
  return data;
}

describe("acceptInvitationAction", () => {
  beforeEach(() => {
    env.locale = "en";
    signIn.mockReset();
  });

  it("answers field by field, in the reader's language, without touching the invitation", async () => {
    const token = await invite("fields@northwind.demo");
    const state = await acceptInvitationAction(
      initial,
      form({ token, termsId: terms.id, name: "A", method: "password", password: "short" }),
    );
    expect(state.fieldErrors).toMatchObject({
      name: "Use at least 2 characters.",
      password: "Use at least 10 characters.",
      acceptTerms: "Accept the program terms to continue.",
    });
    expect(state.name).toBe("A");
    env.locale = "ar";
    const arabic = await acceptInvitationAction(
      initial,
      form({ token, termsId: terms.id, name: "Ali", method: "link" }),
    );
    expect(arabic.fieldErrors).toEqual({ acceptTerms: messagesByLocale.ar.errors.terms.mustAccept });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("joins with a password and signs in with it", async () => {
    const token = await invite("pw@northwind.demo");
    signIn.mockImplementation(async () => {
      throw new Redirect("/dashboard");
    });
    await expect(
      acceptInvitationAction(
        initial,
        form({
          token,
          termsId: terms.id,
          name: "Pat Writer",
          method: "password",
          password: "pat-password-1",
          acceptTerms: "on",
        }),
      ),
    ).rejects.toMatchObject({ url: "/dashboard" });
    expect(signIn).toHaveBeenCalledWith("credentials", {
      email: "pw@northwind.demo",
      password: "pat-password-1",
      redirectTo: "/dashboard",
    });
    const [user] = await db.select().from(users).where(eq(users.email, "pw@northwind.demo"));
    expect(user!.name).toBe("Pat Writer");
    const [membership] = await db.select().from(partnerMemberships).where(eq(partnerMemberships.userId, user!.id));
    expect(membership).toMatchObject({ partnerId: partnerOwner.partnerId, role: "member" });
    const [acceptance] = await db.select().from(termsAcceptances).where(eq(termsAcceptances.userId, user!.id));
    expect(acceptance).toMatchObject({ termsId: terms.id, ip: "203.0.113.7" });
  });

  it("joins without a password and sends a sign-in link", async () => {
    const token = await invite("link@northwind.demo");
    signIn.mockResolvedValue(undefined);
    await expect(
      acceptInvitationAction(
        initial,
        form({
          token,
          termsId: terms.id,
          name: "Lee Linker",
          method: "link",
          password: "ignored-anyway",
          acceptTerms: "on",
        }),
      ),
    ).rejects.toMatchObject({ url: "/login/check-email" });
    expect(signIn).toHaveBeenCalledWith("email", {
      email: "link@northwind.demo",
      redirect: false,
      redirectTo: "/dashboard",
    });
  });

  it("explains a used link instead of failing", async () => {
    const token = await invite("twice@northwind.demo");
    signIn.mockResolvedValue(undefined);
    const values = { token, termsId: terms.id, name: "Tw Ice", method: "link", acceptTerms: "on" };
    await expect(acceptInvitationAction(initial, form(values))).rejects.toBeInstanceOf(Redirect);
    const state = await acceptInvitationAction(initial, form(values));
    expect(state.message).toBe("This invitation has already been used. Sign in instead.");
    expect(state.fieldErrors).toEqual({});
  });

  it("puts changed terms beside the checkbox", async () => {
    const token = await invite("stale@northwind.demo");
    const state = await acceptInvitationAction(
      initial,
      form({
        token,
        termsId: "00000000-0000-4000-8000-000000000000",
        name: "Stale Reader",
        method: "link",
        acceptTerms: "on",
      }),
    );
    expect(state.fieldErrors.acceptTerms).toBe(messagesByLocale.en.errors.terms.outdated);
  });
});
