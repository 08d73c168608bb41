import { expect, test } from "@playwright/test";
import { signInAndWait, USERS } from "./helpers";

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
});

test("the app runs under its Content-Security-Policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  await signInAndWait(page, USERS.admin, /\/manage$/);
  for (const path of ["/manage/emails", "/manage/settings", "/manage/settings/staff", "/account"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations.filter((v) => /Content Security Policy|Refused to/i.test(v))).toEqual([]);
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signInAndWait(page, USERS.owner, /\/dashboard$/);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a cross-site request cannot change anything", async ({ page }) => {
  await signInAndWait(page, USERS.admin, /\/manage$/);
  const body = JSON.stringify({ "0": { json: { locale: "ar" } } });
  const foreign = await page.request.post("/api/trpc/account.setLocale?batch=1", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: body,
  });
  expect(foreign.status()).toBe(403);
  const noOrigin = await page.request.post("/api/trpc/account.setLocale?batch=1", {
    headers: { "content-type": "application/json" },
    data: body,
  });
  expect(noOrigin.status()).toBe(403);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The same request from the app's own origin is accepted.
  const own = await page.request.post("/api/trpc/account.setLocale?batch=1", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: body,
  });
  expect(own.status()).toBe(200);
  await page.request.post("/api/trpc/account.setLocale?batch=1", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: JSON.stringify({ "0": { json: { locale: "en" } } }),
  });
});

test("bad input gets a message naming the field", async ({ page }) => {
  await signInAndWait(page, USERS.admin, /\/manage$/);
  await page.goto("/manage/settings");
  await page.getByLabel("Hold period (days)").fill("-3");
  await page.getByLabel(/Minimum payout/).fill("12.345");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#minimumPayoutMinor-error")).toHaveText("Enter an amount such as 50 or 49.99.");
  await page.getByLabel(/Minimum payout/).fill("75");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#holdPeriodDays-error")).toHaveText("Enter 0 or more.");
  await page.getByLabel("Hold period (days)").fill("14");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Program settings saved.")).toBeVisible();
  await page.goto("/manage/audit");
  await expect(page.getByTestId("audit-table")).toContainText("Updated program settings");
});

test("an admin invites a staff member who sets a password and signs in", async ({ page, browser }) => {
  await signInAndWait(page, USERS.admin, /\/manage$/);
  await page.goto("/manage/settings/staff");
  await page.getByRole("button", { name: "Invite staff" }).click();
  await page.getByLabel("Name").fill("Dana Reyes");
  await page.getByLabel("Email", { exact: true }).fill("dana@tierwise.demo");
  await page.locator("#invite-role").selectOption("finance");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(page.getByTestId("staff-table")).toContainText("Dana Reyes");
  await page.goto("/manage/emails?to=dana%40tierwise.demo");
  await page
    .getByTestId("emails-table")
    .getByRole("link", { name: /invited you/ })
    .click();
  const link = (await page.getByTestId("email-text").innerText()).match(/https?:\/\/\S+/)?.[0];
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link!);
  await invitee.getByLabel("New password").fill("dana-strong-password");
  await invitee.getByRole("button", { name: "Save password" }).click();
  await expect(invitee.getByRole("status")).toContainText("Your password is saved");
  await invitee.goto("/login");
  await invitee.getByLabel("Email").first().fill("dana@tierwise.demo");
  await invitee.locator("#password").fill("dana-strong-password");
  await invitee.locator('main form button[type="submit"]').click();
  await expect(invitee).toHaveURL(/\/manage$/);
  await expect(invitee.getByTestId("user-menu")).toContainText("Finance");
});
