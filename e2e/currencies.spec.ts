import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { expectNoMissingTranslations, signInAndWait, USERS } from "./helpers";

/**
 * Issue 18, the partner side: balances in every currency (never a misleading zero), the chart's
 * months with their year, a next step on the dashboard, the protection date of an approved lead,
 * the lead form answering every field in one round, and a suspended partner's disabled actions.
 * Screenshots (English and Arabic, desktop and 390 px) are kept in e2e/artifacts/ to be looked at.
 */

const ARTIFACTS = path.join("e2e", "artifacts");
const SUSPENDED = "priya@saffron.demo";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The page does not scroll sideways (wide content scrolls inside its own card). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} is wider than the screen`).toBeLessThanOrEqual(0);
}

async function switchLanguage(page: Page, name: "English" | "العربية") {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", name === "English" ? "ltr" : "rtl");
}

async function fillLead(page: Page, lead: { company: string; website: string; value: string; currency: string }) {
  await page.goto("/leads/new");
  await page.locator("#companyName").fill(lead.company);
  await page.locator("#website").fill(lead.website);
  await page.locator("#contactName").fill("Casey Ledger");
  await page.locator("#contactEmail").fill(`casey@${lead.website}`);
  await page.locator("#country").selectOption("GB");
  await page.locator("#productId").selectOption({ label: "Analytics Cloud" });
  await page.locator("#estimatedValue").fill(lead.value);
  await page.locator("#currency").selectOption(lead.currency);
  await page.locator("#expectedCloseDate").fill("2030-03-31");
}

/** The manager approves the lead, then marks it won: a pending commission in the deal's currency. */
async function approveAndWin(manager: Page, company: string, amount: string, currency: string, partner: Page) {
  await manager.goto(`/manage/leads?q=${encodeURIComponent(company)}`);
  await manager.getByTestId("lead-queue").getByRole("link", { name: company }).click();
  await manager.getByTestId("approve-lead").click();
  await expect(manager.getByTestId("lead-status")).toContainText("Approved");

  // The partner sees until when the approved lead is protected, and how many days are left.
  await partner.goto("/leads?q=" + encodeURIComponent(company));
  await partner.getByRole("link", { name: company }).first().click();
  await expect(partner.getByTestId("protection-banner")).toContainText(/Protected until .+ \d+ days left/);
  await expect(partner.getByTestId("protected-until")).toBeVisible();

  await manager.getByTestId("mark-won").click();
  await manager.locator("#won-amount").fill(amount);
  await manager.locator("#won-currency").selectOption(currency);
  await manager.getByTestId("confirm-won").click();
  await expect(manager.getByTestId("lead-status")).toContainText("Won");
}

test.describe("balances in every currency", () => {
  test.beforeEach(async ({ page }) => {
    // Hold periods are counted from now: undo any time travel an earlier spec left behind.
    await signInAndWait(page, USERS.admin, /\/manage$/);
    await page.request.post("/api/test/time-travel", { data: { reset: true } });
  });

  test("a partner with pending GBP and USD sees both on the dashboard and the earnings page", async ({ browser }) => {
    // Two partners and a manager through a dozen pages in two languages and two widths.
    test.setTimeout(240_000);
    const partner = await (await browser.newContext()).newPage();
    await signInAndWait(partner, USERS.owner, /\/dashboard$/);
    await expect(partner.getByTestId("register-lead-cta")).toBeEnabled();

    // One round: a bad email, a negative value and a past close date are all reported at once.
    await fillLead(partner, {
      company: "Sterling Mills Ltd",
      website: "sterling-mills.example",
      value: "-5",
      currency: "GBP",
    });
    await partner.locator("#contactEmail").fill("not-an-email");
    await partner.locator("#expectedCloseDate").fill("2020-01-01");
    await partner.getByTestId("submit-lead").click();
    for (const field of ["contactEmail", "estimatedValue", "expectedCloseDate"])
      await expect(partner.locator(`#${field}-error`), field).toBeVisible();
    await shoot(partner, "lead-form-all-errors-en");

    await fillLead(partner, {
      company: "Sterling Mills Ltd",
      website: "sterling-mills.example",
      value: "48,000.00",
      currency: "GBP",
    });
    await partner.getByTestId("submit-lead").click();
    await expect(partner).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
    await fillLead(partner, {
      company: "Greenback Tools Inc",
      website: "greenback-tools.example",
      value: "30,000.00",
      currency: "USD",
    });
    await partner.getByTestId("submit-lead").click();
    await expect(partner).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await approveAndWin(manager, "Sterling Mills Ltd", "48,000.00", "GBP", partner);
    await shoot(partner, "lead-protected-en");
    await approveAndWin(manager, "Greenback Tools Inc", "30,000.00", "USD", partner);

    await partner.setViewportSize(DESKTOP);
    await partner.goto("/dashboard");
    const pending = partner.getByTestId("stat-pending");
    await expect(pending.locator('[data-asset="GBP"]')).toContainText("£");
    await expect(pending.locator('[data-asset="USD"]')).toContainText("$");
    await expect(pending).not.toContainText("$0.00");
    // The chart's months carry their year (its code loads as the chart comes into view).
    await partner.getByTestId("earnings-chart").scrollIntoViewIfNeeded();
    await expect(partner.getByTestId("earnings-chart").locator("svg.recharts-surface")).toContainText(
      /[A-Z][a-z]{2} 20\d\d/,
    );
    // The pipeline values each currency in its own money.
    await expect(partner.getByTestId("pipeline-value").locator('[data-currency="GBP"]').first()).toContainText("£");
    await expect(partner.getByTestId("next-step")).toBeVisible();
    await expectNoMissingTranslations(partner);
    await shoot(partner, "currencies-dashboard-en");

    await partner.goto("/earnings");
    const balances = partner.getByTestId("balances");
    // One card per figure, each listing its currencies: never five cards per currency.
    expect(await balances.locator(":scope > *").count()).toBeLessThanOrEqual(5);
    await expect(partner.getByTestId("balance-pending").locator('[data-asset="GBP"]')).toBeVisible();
    await expect(partner.getByTestId("balance-pending").locator('[data-asset="USD"]')).toBeVisible();
    await shoot(partner, "currencies-earnings-en");

    for (const [where, url] of [
      ["dashboard", "/dashboard"],
      ["earnings", "/earnings"],
      ["leads", "/leads"],
      ["new lead", "/leads/new"],
      ["import", "/leads/import"],
    ] as const) {
      await partner.setViewportSize(PHONE);
      await partner.goto(url);
      await expectNoSidewaysScroll(partner, `${where} (en, 390 px)`);
      if (where === "dashboard" || where === "earnings") await shoot(partner, `currencies-${where}-en-phone`);
    }

    await partner.setViewportSize(DESKTOP);
    await partner.goto("/dashboard");
    await switchLanguage(partner, "العربية");
    try {
      await expect(partner.getByTestId("stat-pending").locator('[data-asset="GBP"]')).toBeVisible();
      await expect(partner.getByTestId("stat-pending").locator('[data-asset="USD"]')).toBeVisible();
      await expectNoMissingTranslations(partner);
      await shoot(partner, "currencies-dashboard-ar");
      await partner.goto("/earnings");
      await expectNoMissingTranslations(partner);
      await shoot(partner, "currencies-earnings-ar");
      for (const url of ["/dashboard", "/earnings", "/leads", "/leads/new"]) {
        await partner.setViewportSize(PHONE);
        await partner.goto(url);
        await expectNoSidewaysScroll(partner, `${url} (ar, 390 px)`);
        if (url === "/dashboard" || url === "/earnings") await shoot(partner, `currencies-${url.slice(1)}-ar-phone`);
      }
    } finally {
      // Other specs expect Olivia in English.
      await partner.setViewportSize(DESKTOP);
      await partner.goto("/dashboard");
      await switchLanguage(partner, "English");
    }
  });
});

test.describe("a suspended partner", () => {
  test("sees every way to register or change leads disabled, with the reason beside it", async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await signInAndWait(page, SUSPENDED, /\/dashboard$/);
    const reason = /suspended: you can read everything but cannot register or change leads/;
    await expect(page.getByTestId("register-lead-cta")).toBeDisabled();
    await expect(page.getByTestId("lead-actions-suspended")).toContainText(reason);
    await shoot(page, "suspended-dashboard-en");

    await page.goto("/leads");
    await expect(page.getByTestId("new-lead").first()).toBeDisabled();
    await expect(page.getByTestId("import-leads")).toBeDisabled();
    await expect(page.getByTestId("lead-actions-suspended")).toContainText(reason);

    await page.goto("/leads/new");
    await expect(page.getByTestId("submit-lead")).toBeDisabled();
    await expect(page.locator("#companyName")).toBeDisabled();
    await expect(page.getByTestId("lead-actions-suspended")).toContainText(reason);
    await shoot(page, "suspended-new-lead-en");

    await page.goto("/leads/import");
    await expect(page.getByTestId("import-submit")).toBeDisabled();
    await expect(page.getByTestId("lead-actions-suspended")).toContainText(reason);
    await expectNoMissingTranslations(page);
  });
});
