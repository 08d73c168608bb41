import { expect, test } from "@playwright/test";
import {
  expectNoMissingTranslations,
  linkFromOutbox,
  navLabels,
  signIn,
  signInAndWait,
  USERS,
  forgetSession,
} from "./helpers";

test.describe("signing in", () => {
  test("each staff role sees the console sections it may use", async ({ page }) => {
    await signInAndWait(page, USERS.admin, /\/manage$/);
    expect(await navLabels(page)).toEqual([
      "Overview",
      "Applications",
      "Partners",
      "Leads",
      "Commissions",
      "Payouts",
      "Products",
      "Customers",
      "Courses",
      "Assets",
      "MDF",
      "Program terms",
      "Emails",
      "Audit log",
      "Settings",
    ]);
    await expectNoMissingTranslations(page);

    await forgetSession(page);
    await signInAndWait(page, USERS.manager, /\/manage$/);
    expect(await navLabels(page)).toEqual([
      "Overview",
      "Applications",
      "Partners",
      "Leads",
      "Commissions",
      "Products",
      "Customers",
      "Courses",
      "Assets",
      "MDF",
      "Program terms",
    ]);

    await forgetSession(page);
    await signInAndWait(page, USERS.finance, /\/manage$/);
    expect(await navLabels(page)).toEqual(["Overview", "Partners", "Leads", "Commissions", "Payouts", "Customers"]);
  });

  test("partners land on their dashboard with their organization", async ({ page }) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    expect(await navLabels(page)).toEqual([
      "Dashboard",
      "Leads",
      "Earnings",
      "Payouts",
      "Training",
      "Assets",
      "MDF",
      "Team",
      "Company settings",
    ]);
    await expect(page.getByTestId("shell-context")).toHaveText("Northwind Analytics");
    await expect(page.getByTestId("stat-tier")).toContainText("Gold");
    await expect(page.getByTestId("stat-team")).toContainText("2");
    await expectNoMissingTranslations(page);

    await forgetSession(page);
    await signInAndWait(page, USERS.member, /\/dashboard$/);
    await expect(page.getByTestId("user-menu")).toContainText("Member");
    expect(await navLabels(page)).toEqual([
      "Dashboard",
      "Leads",
      "Earnings",
      "Payouts",
      "Training",
      "Assets",
      "MDF",
      "Team",
    ]);
  });

  test("the staff overview counts partners by tier from the seed", async ({ page }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    const table = page.getByTestId("partners-by-tier");
    await expect(table.getByRole("row", { name: /Gold/ })).toContainText("1");
    await expect(table.getByRole("row", { name: /Silver/ })).toContainText("2");
    await expect(page.getByTestId("stat-active-partners")).toContainText("5");
    await expect(page.getByTestId("stat-pending-applications")).toContainText("3");
    await expect(page.getByTestId("stat-pending-leads")).toContainText("6");
  });

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    await signIn(page, USERS.admin, "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated wrong passwords are paused with a clear message that offers the emailed link", async ({
    page,
    browser,
  }) => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, "tobias@cobalt.demo", `wrong-${attempt}`);
      await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");
    }
    await signIn(page, "tobias@cobalt.demo");
    await expect(page.getByTestId("login-error")).toContainText("Too many failed password attempts. Wait 15 minutes");
    await expect(page.getByTestId("login-error")).toContainText("sign in with an emailed link instead");
    await expect(page).toHaveURL(/\/login/);

    // The emailed link is never paused: the locked-out owner still gets in.
    await page.getByTestId("use-link-instead").click();
    await expect(page.locator("#link-email")).toHaveValue("tobias@cobalt.demo");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/login\/check-email/);
    await page.goto(await linkFromOutbox(browser, "tobias@cobalt.demo", /sign-in link/));
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a partner opening the staff console gets a 403 page", async ({ page }) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    const response = await page.goto("/manage");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const audit = await page.goto("/manage/audit");
    expect(audit?.status()).toBe(403);
  });

  test("a partner manager cannot open admin sections", async ({ page }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    const response = await page.goto("/manage/settings/staff");
    expect(response?.status()).toBe(403);
  });

  test("signed-out visitors go to the login page and come back after signing in", async ({ page }) => {
    await page.goto("/manage/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmanage%2Faudit/);
    await page.getByLabel("Email").first().fill(USERS.admin);
    await page.locator("#password").fill("tierwise-demo");
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/manage\/audit$/);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  });

  test("sign out ends the session", async ({ page }) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await page.getByTestId("user-menu").locator("summary").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });
});
