import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tierwise-demo";

export const USERS = {
  admin: "admin@tierwise.demo",
  manager: "manager@tierwise.demo",
  finance: "finance@tierwise.demo",
  owner: "olivia@northwind.demo",
  member: "james@northwind.demo",
  arabicOwner: "omar@rimal.demo",
} as const;

/** Signs in through the real login form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page
    .getByLabel(/^(Email|البريد الإلكتروني)$/)
    .first()
    .fill(email);
  await page.locator("#password").fill(password);
  await page.locator('main form button[type="submit"]').click();
}

/**
 * Forgets the signed-in user. The page is left first: a prefetch still in flight would otherwise
 * answer after the cookies are cleared and set the session cookie again.
 */
export async function forgetSession(page: Page) {
  await page.goto("about:blank");
  await page.context().clearCookies();
}

export async function signInAndWait(page: Page, email: string, landing: RegExp) {
  await signIn(page, email);
  await expect(page).toHaveURL(landing);
  // Menus are interactive once the page has hydrated.
  await page.waitForLoadState("networkidle");
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByTestId("main-nav");
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}

/** No translation fell back to its key (the app renders missing keys as ⟦key⟧). */
/** Switches the signed-in user's language from the user menu (saved as their preference). */
export async function switchLanguage(page: Page, language: "English" | "العربية") {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", language === "English" ? "ltr" : "rtl");
}

export async function expectNoMissingTranslations(page: Page) {
  await expect(page.locator("body")).not.toContainText("⟦");
}

/** The text of the newest email to `to` whose subject matches, read in the admin's outbox. */
export async function readEmail(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInAndWait(page, USERS.admin, /\/manage$/);
  await page.goto(`/manage/emails?to=${encodeURIComponent(to)}`);
  await page.getByTestId("emails-table").getByRole("link", { name: subject }).first().click();
  const text = await page.getByTestId("email-text").innerText();
  await admin.close();
  return text;
}

/** Opens the newest matching email to `to` in the admin's outbox and returns its link. */
export async function linkFromOutbox(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const text = await readEmail(browser, to, subject);
  const url = text.match(/https?:\/\/\S+/)?.[0];
  expect(url, "the email carries a link").toBeTruthy();
  return url!;
}

/**
 * The Stripe stand-in the e2e server pays through (fresh for every run; playwright.config.ts sets
 * E2E_STRIPE_URL). `control` calls its test-only endpoints, e.g.
 * `control("POST", "/faults", { rate: 0.3 })` or `control("GET", "/transfers/count")`; `api` reads
 * its Stripe API with the e2e server's key, e.g. `api("/v1/accounts/acct_…")`.
 */
export function stripeStandin() {
  const url = process.env.E2E_STRIPE_URL;
  if (!url) throw new Error("E2E_STRIPE_URL is not set: run the specs through playwright.config.ts");
  const call = async (method: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, url), { method, ...init });
    const text = await res.text();
    if (!res.ok) throw new Error(`Stripe stand-in ${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return {
    url,
    control: (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
      call(method, `/_standin${path}`, {
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    // The stand-in takes any test key; this is the one scripts/e2e-server.mjs gives the app.
    api: (path: string) => call("GET", path, { headers: { Authorization: "Bearer sk_test_e2e_tierwise" } }),
  };
}
